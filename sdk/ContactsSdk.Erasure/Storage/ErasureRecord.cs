using System;
using ContactsSdk.Erasure.Deadlines;
using System.Diagnostics.CodeAnalysis;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// One erasure's row: a projection of its entries, kept for lookups and listing. The entries stay
/// the evidence; <see cref="Version"/> and <see cref="LastHash"/> tie the row to the end of the chain.
/// </summary>
public sealed record ErasureRecord
{
    /// <summary>An empty ErasureRecord: set its properties in an object initializer.</summary>
    public ErasureRecord()
    {
    }

    // The library's own shorthand; callers use an object initializer, so a property can be added
    // without breaking them.
    [SetsRequiredMembers]
    internal ErasureRecord(Guid erasureId, string requestId, AccountId? accountId, SubjectKind subjectKind, int subjectCount, ErasureState state, ErasureVerdict? verdict, long? operationId, DateTimeOffset submittedAt, DateTimeOffset updatedAt, DateTimeOffset? concludedAt, long version, string lastHash)
    {
        ErasureId = erasureId;
        RequestId = requestId;
        AccountId = accountId;
        SubjectKind = subjectKind;
        SubjectCount = subjectCount;
        State = state;
        Verdict = verdict;
        OperationId = operationId;
        SubmittedAt = submittedAt;
        UpdatedAt = updatedAt;
        ConcludedAt = concludedAt;
        Version = version;
        LastHash = lastHash;
    }

    /// <summary>The ledger's own ID (also the scheduler's job key).</summary>
    public required Guid ErasureId { get; init; }

    /// <summary>The caller's request ID: the idempotency key.</summary>
    public required string RequestId { get; init; }

    /// <summary>The MID the erasure runs under, when known.</summary>
    public AccountId? AccountId { get; init; }

    /// <summary>What the subjects are.</summary>
    public required SubjectKind SubjectKind { get; init; }

    /// <summary>How many subjects were submitted.</summary>
    public required int SubjectCount { get; init; }

    /// <summary>Where the erasure stands.</summary>
    public required ErasureState State { get; init; }

    /// <summary>How it ended, once concluded.</summary>
    public ErasureVerdict? Verdict { get; init; }

    /// <summary>The Marketing Cloud operation, once accepted.</summary>
    public long? OperationId { get; init; }

    /// <summary>When the erasure was recorded (UTC, millisecond precision).</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When the last entry was recorded.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the verdict was recorded, once there is one.</summary>
    public DateTimeOffset? ConcludedAt { get; init; }

    /// <summary>How many entries the erasure has (the last entry's sequence number).</summary>
    public required long Version { get; init; }

    /// <summary>The hash of the last entry.</summary>
    public required string LastHash { get; init; }

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
