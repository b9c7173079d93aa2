using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// One transaction over a batch and its members: new batches, a version-checked change of one batch,
/// an entry (and row change) for each member, and the send slot. All of it commits or none does.
/// </summary>
public sealed record BatchWrite
{
    /// <summary>Batches to create (a formed batch, or the two halves of a refused one).</summary>
    public IReadOnlyList<BatchRecord> NewBatches { get; init; } = [];

    /// <summary>A change of an existing batch, applied only at its expected version.</summary>
    public BatchChange? Change { get; init; }

    /// <summary>The members' entries, each applied only at its erasure's expected version.</summary>
    public IReadOnlyList<LedgerAppend> Appends { get; init; } = [];

    /// <summary>Frees the send slot when this batch holds it (before <see cref="AcquireSendSlotFor"/>).</summary>
    public Guid? ReleaseSendSlotOf { get; init; }

    /// <summary>Takes the send slot for this batch; refused (<see cref="AppendResult.SendSlotBusy"/>) when another holds it.</summary>
    public Guid? AcquireSendSlotFor { get; init; }
}

/// <summary>A version-checked change of a batch's state (and, once accepted, its operation ID).</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="ExpectedVersion">The version the writer read.</param>
/// <param name="NewState">The state after the change.</param>
/// <param name="At">When the change is recorded.</param>
/// <param name="OperationId">The accepted operation, set once (another batch cannot claim the same one).</param>
public sealed record BatchChange(Guid BatchId, long ExpectedVersion, BatchState NewState, DateTimeOffset At, long? OperationId = null);

/// <summary>
/// An erasure waiting for a shared request with its identifiers in clear: ready to send (what a batch
/// is formed from), or waiting for its email addresses to be resolved (what one address search carries).
/// </summary>
/// <param name="Record">The erasure's row.</param>
/// <param name="Subjects">Its contact keys or IDs in clear.</param>
public sealed record SendCandidate(ErasureRecord Record, IReadOnlyList<string> Subjects);
