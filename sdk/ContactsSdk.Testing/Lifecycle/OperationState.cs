using System.Text.Json.Serialization;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>An operation's state at one instant, with the wire values the status route reports for it.</summary>
public readonly record struct OperationState
{
    // Internal, so that a property can be added without breaking callers; tests use EmulatorModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal OperationState(OperationPhase phase, string operationStatus, string? backgroundOperationStatus)
    {
        Phase = phase;
        OperationStatus = operationStatus;
        BackgroundOperationStatus = backgroundOperationStatus;
    }

    /// <summary>The lifecycle phase.</summary>
    public OperationPhase Phase { get; init; }

    /// <summary>The <c>operation.status</c> value.</summary>
    public string OperationStatus { get; init; }

    /// <summary>The <c>backgroundOperationStatusID</c> value, or null in the suppression phase (no <c>backgroundOperationsSummary</c>).</summary>
    public string? BackgroundOperationStatus { get; init; }

    /// <summary>True once <c>backgroundOperationsSummary</c> is part of the status response.</summary>
    public bool IsInDeletePhase => BackgroundOperationStatus is not null;
}
