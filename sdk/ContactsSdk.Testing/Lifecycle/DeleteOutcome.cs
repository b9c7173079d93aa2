namespace ContactsSdk.Testing.Lifecycle;

/// <summary>How an operation's delete phase ends: its final <c>backgroundOperationStatusID</c>.</summary>
public enum DeleteOutcome
{
    /// <summary>The contacts are deleted.</summary>
    Completed,

    /// <summary>The deletion was stopped and the contacts restored to active.</summary>
    Aborted,

    /// <summary>The operation was invalid.</summary>
    Invalid,
}
