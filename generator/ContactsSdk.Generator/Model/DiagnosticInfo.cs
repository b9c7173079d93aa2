namespace ContactsSdk.Generator.Model;

/// <summary>
/// A diagnostic as equatable data: the descriptor's ID, where in the spec, and the message arguments.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);
