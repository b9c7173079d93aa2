namespace ContactsSdk.Generator.Model;

/// <summary>
/// What the parser makes of one spec: the generation model (which holds no positions, so that an
/// edit that only moves lines leaves it equal) and the diagnostics (which do).
/// </summary>
internal sealed record ParseResult(SpecModel Model, EquatableArray<DiagnosticInfo> Diagnostics);
