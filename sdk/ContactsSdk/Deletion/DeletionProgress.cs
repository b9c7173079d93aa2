using System.Text.Json.Serialization;
using System;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>One report of <see cref="ContactsClient.WaitForDeletionAsync"/>, sent after every poll.</summary>
public sealed record DeletionProgress
{
    // Internal, so that a property can be added without breaking callers; tests use ContactsModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal DeletionProgress(long operationId, ContactDeletionPhase? phase, ContactDeletionState? state, string? rawStatus, TimeSpan elapsed, int requestsMade, int consecutiveFailures, TimeSpan nextPollIn)
    {
        OperationId = operationId;
        Phase = phase;
        State = state;
        RawStatus = rawStatus;
        Elapsed = elapsed;
        RequestsMade = requestsMade;
        ConsecutiveFailures = consecutiveFailures;
        NextPollIn = nextPollIn;
    }

    /// <summary>The operation followed.</summary>
    public long OperationId { get; init; }

    /// <summary>The phase of the last successful read (null before the first).</summary>
    public ContactDeletionPhase? Phase { get; init; }

    /// <summary>The overall state of the last successful read (null before the first).</summary>
    public ContactDeletionState? State { get; init; }

    /// <summary>The wire status that decided the state, unchanged.</summary>
    public string? RawStatus { get; init; }

    /// <summary>Time since the wait started, on the client's clock.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Status requests sent so far, failed ones included.</summary>
    public int RequestsMade { get; init; }

    /// <summary>Transient failures in a row at this point (0 after a good read).</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The wait before the next poll (zero once the state is terminal).</summary>
    public TimeSpan NextPollIn { get; init; }
}
