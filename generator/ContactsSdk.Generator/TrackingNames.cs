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
}
