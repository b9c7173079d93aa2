using System;
using ContactsSdk.Erasure.Deadlines;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// One erasure's row: a projection of its entries, kept for lookups and listing. The entries stay
/// the evidence; <see cref="Version"/> and <see cref="LastHash"/> tie the row to the end of the chain.
/// </summary>
/// <param name="ErasureId">The ledger's own ID (also the scheduler's job key).</param>
/// <param name="RequestId">The caller's request ID: the idempotency key.</param>
/// <param name="AccountId">The MID the erasure runs under, when known.</param>
/// <param name="SubjectKind">What the subjects are.</param>
/// <param name="SubjectCount">How many subjects were submitted.</param>
/// <param name="State">Where the erasure stands.</param>
/// <param name="Verdict">How it ended, once concluded.</param>
/// <param name="OperationId">The Marketing Cloud operation, once accepted.</param>
/// <param name="SubmittedAt">When the erasure was recorded (UTC, millisecond precision).</param>
/// <param name="UpdatedAt">When the last entry was recorded.</param>
/// <param name="ConcludedAt">When the verdict was recorded, once there is one.</param>
/// <param name="Version">How many entries the erasure has (the last entry's sequence number).</param>
/// <param name="LastHash">The hash of the last entry.</param>
public sealed record ErasureRecord(
    Guid ErasureId,
    string RequestId,
    long? AccountId,
    SubjectKind SubjectKind,
    int SubjectCount,
    ErasureState State,
    ErasureVerdict? Verdict,
    long? OperationId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ConcludedAt,
    long Version,
    string LastHash)
{
    /// <summary>The batch whose delete request the erasure rides, from its intent until the batch settles.</summary>
    public Guid? BatchId { get; init; }

    /// <summary>
    /// When the erasure's legal deadline falls (the last extension's date, or the first one); null for
    /// an erasure recorded before deadlines were (its submission names none, and none is assumed).
    /// </summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>
    /// Whether the deadline was met, once there is a verdict: <c>Deleted</c> and <c>NoMatchingContacts</c>
    /// recorded on or before <see cref="DueAt"/> meet it; <c>Restored</c>, <c>Invalid</c> and
    /// <c>FailedToStart</c> never do (the contacts were not deleted). Null without a verdict or a due date.
    /// </summary>
    public bool? DeadlineMet => DeadlineRules.IsMet(Verdict, ConcludedAt, DueAt);
}
