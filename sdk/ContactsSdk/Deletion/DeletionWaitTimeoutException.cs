using System;
using ContactsSdk.Generated.Models;

namespace ContactsSdk.Deletion;

/// <summary>The wait's <see cref="DeletionWaitOptions.Timeout"/> passed before the deletion was fully processed.</summary>
public sealed class DeletionWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public DeletionWaitTimeoutException(long operationId, ContactDeletionState? lastState, TimeSpan elapsed)
        : base($"Operation {operationId} was not fully processed after {elapsed}; last state: {lastState?.ToString() ?? "unknown"}.")
    {
        OperationId = operationId;
        LastState = lastState;
        Elapsed = elapsed;
    }

    /// <summary>The operation followed.</summary>
    public long OperationId { get; }

    /// <summary>The state of the last successful read.</summary>
    public ContactDeletionState? LastState { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Elapsed { get; }
}
