namespace ContactsSdk.Generator.Model;

/// <summary>The input of the emitter: the namespace to generate into and every spec's model.</summary>
internal sealed record GenerationModel(string? Namespace, EquatableArray<SpecModel> Specs);
