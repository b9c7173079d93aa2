namespace ContactsSdk.Testing.Lifecycle;

/// <summary>Where an operation is in its two-phase lifecycle.</summary>
public enum OperationPhase
{
    /// <summary>Suppression phase, <c>operation.status</c> "Pending".</summary>
    SuppressionPending,

    /// <summary>Suppression phase, <c>operation.status</c> "Completed": suppressed and still restorable.</summary>
    SuppressionCompleted,

    /// <summary>Delete phase, <c>backgroundOperationStatusID</c> "Processing".</summary>
    DeleteProcessing,

    /// <summary>Delete phase over: <c>backgroundOperationStatusID</c> is the operation's outcome.</summary>
    DeleteFinished,
}
