namespace ContactsSdk.Generator;

/// <summary>
/// Names of the pipeline steps (<c>WithTrackingName</c>), so that tests can check which steps ran
/// and which were served from the cache.
/// </summary>
internal static class TrackingNames
{
    /// <summary>The additional files marked as the OpenAPI spec.</summary>
    public const string SpecFiles = nameof(SpecFiles);

    /// <summary>The spec's path and text.</summary>
    public const string SpecText = nameof(SpecText);

    /// <summary>The parsed spec: model and diagnostics.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The generation model of one spec (no locations).</summary>
    public const string Model = nameof(Model);

    /// <summary>The diagnostics of one spec.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The namespace of the Kiota models, from an MSBuild property.</summary>
    public const string Namespace = nameof(Namespace);

    /// <summary>Every spec's model together with the namespace: what the emitter needs.</summary>
    public const string Generation = nameof(Generation);

    /// <summary>Where each annotation is in the spec, for problems found in the compilation.</summary>
    public const string Anchors = nameof(Anchors);

    /// <summary>The Kiota classes and properties the model needs that the compilation lacks.</summary>
    public const string KiotaNames = nameof(KiotaNames);

    /// <summary>The generation model without the annotations whose Kiota names are missing: what the emitter gets.</summary>
    public const string CheckedGeneration = nameof(CheckedGeneration);

    /// <summary>The located diagnostics of the missing Kiota names.</summary>
    public const string NameDiagnostics = nameof(NameDiagnostics);
}
