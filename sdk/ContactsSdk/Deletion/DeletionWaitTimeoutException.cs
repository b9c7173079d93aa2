using System;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>The wait's <see cref="DeletionWaitOptions.Timeout"/> passed before the deletion was fully processed.</summary>
/// <remarks>
/// Derived from <see cref="ContactsSdkException"/>, not <see cref="TimeoutException"/>: it is not an
/// I/O timeout but the end of the time the caller granted the wait, and the deletion goes on in
/// Marketing Cloud. Follow it again with the same operation ID; an HTTP request that timed out
/// surfaces as the transport's own exception instead.
/// </remarks>
public sealed class DeletionWaitTimeoutException : ContactsSdkException
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
