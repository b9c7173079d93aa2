namespace ContactsSdk.Generator.Model;

/// <summary>
/// Where an annotation is in the spec, keyed by the enum it generates: what a problem found later
/// (in the compilation) is reported at. Kept out of <see cref="SpecModel"/>, which holds no positions.
/// </summary>
/// <param name="EnumName">The enum the annotation generates (its key in the generation model).</param>
/// <param name="What">How messages name the annotation.</param>
/// <param name="Location">The annotation's key in the spec.</param>
internal sealed record AnnotationAnchor(string EnumName, string What, LocationInfo Location);

/// <summary>A Kiota class or property an annotation's generated code needs but the compilation lacks.</summary>
/// <param name="EnumName">The enum of the annotation that needs it.</param>
/// <param name="Missing">What is missing, for the message ("the property Status of DeleteOperation").</param>
internal sealed record MissingKiotaName(string EnumName, string Missing);
