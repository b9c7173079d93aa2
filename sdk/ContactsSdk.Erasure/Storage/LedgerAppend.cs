using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// One ledger write: an entry, and the row change it implies, applied only if the row is still at
/// <see cref="ExpectedVersion"/> (so two workers acting on the same read cannot both write).
/// </summary>
public sealed record LedgerAppend
{
    /// <summary>The entry to append; its sequence must be <see cref="ExpectedVersion"/> + 1.</summary>
    public required LedgerEntry Entry { get; init; }

    /// <summary>The row version the writer read.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The erasure's state after this entry.</summary>
    public required ErasureState NewState { get; init; }

    /// <summary>
    /// The accepted operation ID, set once, in a batch write only (<see cref="IErasureLedgerStore.WriteBatchAsync"/>
    /// checks the batch's claim on it for every member; a single append refuses it).
    /// </summary>
    public long? OperationId { get; init; }

    /// <summary>The verdict, on the verdict entry.</summary>
    public ErasureVerdict? Verdict { get; init; }

    /// <summary>When the verdict was reached, on the verdict entry.</summary>
    public DateTimeOffset? ConcludedAt { get; init; }

    /// <summary>The new due date, on a deadline-extended entry (null leaves the row's due date as it is).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>What happens to the identifiers in clear.</summary>
    public ClearSubjectsChange ClearSubjects { get; init; } = ClearSubjectsChange.Keep;

    /// <summary>The new identifiers in clear when <see cref="ClearSubjects"/> is <see cref="ClearSubjectsChange.Replace"/> (email addresses resolved to contact keys).</summary>
    public IReadOnlyList<string>? ReplacementSubjects { get; init; }

    /// <summary>The batch the erasure joins with this entry (its delete request is shared).</summary>
    public Guid? JoinBatch { get; init; }

    /// <summary>Whether the erasure leaves its batch with this entry (the shared request came to nothing).</summary>
    public bool LeaveBatch { get; init; }
}

/// <summary>What an append does to the identifiers in clear.</summary>
public enum ClearSubjectsChange
{
    /// <summary>Leave them as they are.</summary>
    Keep,

    /// <summary>Replace them with <see cref="LedgerAppend.ReplacementSubjects"/>.</summary>
    Replace,

    /// <summary>Erase them for good (the deletion was accepted, or the erasure ended without one).</summary>
    Erase,
}

/// <summary>The result of <see cref="IErasureLedgerStore.AppendAsync"/> and <see cref="IErasureLedgerStore.WriteBatchAsync"/>.</summary>
public enum AppendResult
{
    /// <summary>The entry and the row change were committed.</summary>
    Appended,

    /// <summary>The row is no longer at the expected version: someone else wrote first. Read again.</summary>
    VersionConflict,

    /// <summary>Another batch holds the send slot.</summary>
    SendSlotBusy,

    /// <summary>Another batch, or an erasure outside any batch, already claimed this operation ID.</summary>
    OperationClaimed,
}
