using System;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>The end of a wait: the operation's state is terminal.</summary>
/// <param name="OperationId">The operation followed.</param>
/// <param name="State">The terminal state: deleted, restored (aborted) or invalid.</param>
/// <param name="LastResponse">The status response that showed it, with every raw field.</param>
/// <param name="Elapsed">How long the wait took on the client's clock.</param>
/// <param name="RequestsMade">Status requests sent, failed ones included.</param>
public sealed record DeletionResult(
    long OperationId,
    ContactDeletionState State,
    DeleteStatusResponse LastResponse,
    TimeSpan Elapsed,
    int RequestsMade)
{
    /// <summary>True only when Marketing Cloud reported the delete phase Completed.</summary>
    public bool IsDeleted => State == ContactDeletionState.Deleted;
}

/// <summary>One operation of <see cref="ContactsClient.WaitForDeletionsAsync"/>: its result, or why there is none.</summary>
/// <param name="OperationId">The operation followed.</param>
/// <param name="Result">The terminal result, when the wait reached one.</param>
/// <param name="Error">Why the wait ended without one (service error, failures beyond the limit, timeout).</param>
public sealed record DeletionWaitOutcome(long OperationId, DeletionResult? Result, Exception? Error)
{
    /// <summary>Whether the wait reached a terminal state.</summary>
    public bool Succeeded => Result is not null;
}
