using System;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>One report of <see cref="ContactsClient.WaitForDeletionAsync"/>, sent after every poll.</summary>
/// <param name="OperationId">The operation followed.</param>
/// <param name="Phase">The phase of the last successful read (null before the first).</param>
/// <param name="State">The overall state of the last successful read (null before the first).</param>
/// <param name="RawStatus">The wire status that decided the state, unchanged.</param>
/// <param name="Elapsed">Time since the wait started, on the client's clock.</param>
/// <param name="RequestsMade">Status requests sent so far, failed ones included.</param>
/// <param name="ConsecutiveFailures">Transient failures in a row at this point (0 after a good read).</param>
/// <param name="NextPollIn">The wait before the next poll (zero once the state is terminal).</param>
public sealed record DeletionProgress(
    long OperationId,
    ContactDeletionPhase? Phase,
    ContactDeletionState? State,
    string? RawStatus,
    TimeSpan Elapsed,
    int RequestsMade,
    int ConsecutiveFailures,
    TimeSpan NextPollIn);
