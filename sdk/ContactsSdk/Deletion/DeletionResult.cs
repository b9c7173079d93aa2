using System.Text.Json.Serialization;
using System;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>The end of a wait: the operation's state is terminal.</summary>
public sealed record DeletionResult
{
    // Internal, so that a property can be added without breaking callers; tests use ContactsModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal DeletionResult(long operationId, ContactDeletionState state, DeleteStatusResponse lastResponse, TimeSpan elapsed, int requestsMade)
    {
        OperationId = operationId;
        State = state;
        LastResponse = lastResponse;
        Elapsed = elapsed;
        RequestsMade = requestsMade;
    }

    /// <summary>The operation followed.</summary>
    public long OperationId { get; init; }

    /// <summary>The terminal state: deleted, restored (aborted) or invalid.</summary>
    public ContactDeletionState State { get; init; }

    /// <summary>The status response that showed it, with every raw field.</summary>
    public DeleteStatusResponse LastResponse { get; init; }

    /// <summary>How long the wait took on the client's clock.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Status requests sent, failed ones included.</summary>
    public int RequestsMade { get; init; }

    /// <summary>True only when Marketing Cloud reported the delete phase Completed.</summary>
    public bool IsDeleted => State == ContactDeletionState.Deleted;
}

/// <summary>One operation of <see cref="ContactsClient.WaitForDeletionsAsync"/>: its result, or why there is none.</summary>
public sealed record DeletionWaitOutcome
{
    // Internal, so that a property can be added without breaking callers; tests use ContactsModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal DeletionWaitOutcome(long operationId, DeletionResult? result, Exception? error)
    {
        OperationId = operationId;
        Result = result;
        Error = error;
    }

    /// <summary>The operation followed.</summary>
    public long OperationId { get; init; }

    /// <summary>The terminal result, when the wait reached one.</summary>
    public DeletionResult? Result { get; init; }

    /// <summary>Why the wait ended without one (service error, failures beyond the limit, timeout).</summary>
    public Exception? Error { get; init; }

    /// <summary>Whether the wait reached a terminal state.</summary>
    public bool Succeeded => Result is not null;
}
