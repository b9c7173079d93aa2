namespace ContactsSdk.Generator.Model;

/// <summary>Everything one spec asks the emitter to generate.</summary>
internal sealed record SpecModel(
    EquatableArray<StatusFieldModel> StatusFields,
    EquatableArray<LifecycleModel> Lifecycles)
{
    /// <summary>A spec without (valid) annotations.</summary>
    public static readonly SpecModel Empty = new(EquatableArray<StatusFieldModel>.Empty, EquatableArray<LifecycleModel>.Empty);

    /// <summary>Whether there is anything to generate.</summary>
    public bool IsEmpty => StatusFields.IsEmpty && Lifecycles.IsEmpty;
}
