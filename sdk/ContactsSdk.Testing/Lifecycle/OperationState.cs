namespace ContactsSdk.Testing.Lifecycle;

/// <summary>An operation's state at one instant, with the wire values the status route reports for it.</summary>
/// <param name="Phase">The lifecycle phase.</param>
/// <param name="OperationStatus">The <c>operation.status</c> value.</param>
/// <param name="BackgroundOperationStatus">
/// The <c>backgroundOperationStatusID</c> value, or null in the suppression phase (no <c>backgroundOperationsSummary</c>).
/// </param>
public readonly record struct OperationState(OperationPhase Phase, string OperationStatus, string? BackgroundOperationStatus)
{
    /// <summary>True once <c>backgroundOperationsSummary</c> is part of the status response.</summary>
    public bool IsInDeletePhase => BackgroundOperationStatus is not null;
}
