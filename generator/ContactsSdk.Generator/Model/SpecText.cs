namespace ContactsSdk.Generator.Model;

/// <summary>The path and full text of the spec file.</summary>
internal sealed record SpecText(string Path, string Text);
