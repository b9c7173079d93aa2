using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

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
public sealed record BatchChange
{
    /// <summary>An empty BatchChange: set its properties in an object initializer.</summary>
    public BatchChange()
    {
    }

    // The library's own shorthand; callers use an object initializer, so a property can be added
    // without breaking them.
    [SetsRequiredMembers]
    internal BatchChange(Guid batchId, long expectedVersion, BatchState newState, DateTimeOffset at, long? operationId = null)
    {
        BatchId = batchId;
        ExpectedVersion = expectedVersion;
        NewState = newState;
        At = at;
        OperationId = operationId;
    }

    /// <summary>The batch.</summary>
    public required Guid BatchId { get; init; }

    /// <summary>The version the writer read.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The state after the change.</summary>
    public required BatchState NewState { get; init; }

    /// <summary>When the change is recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The accepted operation, set once (another batch cannot claim the same one).</summary>
    public long? OperationId { get; init; }
}

/// <summary>
/// An erasure waiting for a shared request with its identifiers in clear: ready to send (what a batch
/// is formed from), or waiting for its email addresses to be resolved (what one address search carries).
/// </summary>
public sealed record SendCandidate
{
    /// <summary>An empty SendCandidate: set its properties in an object initializer.</summary>
    public SendCandidate()
    {
    }

    // The library's own shorthand; callers use an object initializer, so a property can be added
    // without breaking them.
    [SetsRequiredMembers]
    internal SendCandidate(ErasureRecord record, IReadOnlyList<string> subjects)
    {
        Record = record;
        Subjects = subjects;
    }

    /// <summary>The erasure's row.</summary>
    public required ErasureRecord Record { get; init; }

    /// <summary>Its contact keys or IDs in clear.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }
}
