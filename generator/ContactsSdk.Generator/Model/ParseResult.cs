namespace ContactsSdk.Generator.Model;

/// <summary>
/// What the parser makes of one spec: the generation model (which holds no positions, so that an
/// edit that only moves lines leaves it equal), the diagnostics and the annotations' places (which do).
/// </summary>
internal sealed record ParseResult(SpecModel Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<AnnotationAnchor> Anchors);
