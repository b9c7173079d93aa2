using System;
using System.Collections.Generic;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.AspNetCore;

/// <summary>The body of a submission: one kind of subject, and optionally the MID, when the request was received and its deadline.</summary>
public sealed class SubmitErasureBody
{
    /// <summary>The caller's ID for the request (its ticket): submitting it again returns the same erasure.</summary>
    public string? RequestId { get; set; }

    /// <summary>Contact keys to erase.</summary>
    public IReadOnlyList<string>? ContactKeys { get; set; }

    /// <summary>Contact IDs to erase.</summary>
    public IReadOnlyList<long>? ContactIds { get; set; }

    /// <summary>Email addresses to erase (resolved to contact keys first).</summary>
    public IReadOnlyList<string>? EmailAddresses { get; set; }

    /// <summary>The business unit (MID); the client's own when absent.</summary>
    public long? AccountId { get; set; }

    /// <summary>When the data subject's request was received; the submission time when absent.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The legal deadline: <c>gdpr</c> (the default), <c>ccpa</c>, or a number of days such as <c>30d</c>.</summary>
    public string? Deadline { get; set; }
}

/// <summary>The body of a deadline extension.</summary>
public sealed class ExtendDeadlineBody
{
    /// <summary>The new due date, later than the current one and within the legal maximum.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Why: <c>complexity</c>, <c>number-of-requests</c> or <c>other</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>The reason in words (required with <c>other</c>); kept in the ledger only, never returned or logged.</summary>
    public string? Text { get; set; }
}

/// <summary>A person's decision on an ambiguous reconciliation: one of the candidates, or none.</summary>
public sealed class DecideReconciliationBody
{
    /// <summary>The candidate operation that is the erasure's shared request.</summary>
    public long? OperationId { get; set; }

    /// <summary>True when none of the candidates is: the request counts as not received and is sent again.</summary>
    public bool? NoneMatches { get; set; }
}

/// <summary>One erasure as the API shows it: the ledger row's facts (each proven by its chain), without subjects.</summary>
/// <param name="RequestId">The caller's request ID.</param>
/// <param name="ErasureId">The ledger's ID.</param>
/// <param name="AccountId">The MID.</param>
/// <param name="SubjectKind">What the subjects are.</param>
/// <param name="SubjectCount">How many subjects.</param>
/// <param name="State">Where the erasure stands.</param>
/// <param name="Verdict">How it ended, once it has.</param>
/// <param name="OperationId">Marketing Cloud's operation, once accepted.</param>
/// <param name="SubmittedAt">When it was recorded.</param>
/// <param name="UpdatedAt">When its last entry was recorded.</param>
/// <param name="ConcludedAt">When its verdict was recorded.</param>
/// <param name="DueAt">Its legal due date.</param>
/// <param name="DeadlineMet">Whether the deadline was met, once it ended.</param>
public sealed record ErasureView(
    string RequestId,
    Guid ErasureId,
    long? AccountId,
    SubjectKind SubjectKind,
    int SubjectCount,
    ErasureState State,
    ErasureVerdict? Verdict,
    long? OperationId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ConcludedAt,
    DateTimeOffset? DueAt,
    bool? DeadlineMet)
{
    internal static ErasureView Of(ErasureRecord record) => new(
        record.RequestId, record.ErasureId, record.AccountId, record.SubjectKind, record.SubjectCount, record.State, record.Verdict,
        record.OperationId, record.SubmittedAt, record.UpdatedAt, record.ConcludedAt, record.DueAt, record.DeadlineMet);
}

/// <summary>One entry of an erasure's ledger chain, as a step of its timeline (its payload stays in the ledger).</summary>
/// <param name="Sequence">1 for the submission, then +1 each.</param>
/// <param name="Kind">What happened (<c>submitted</c>, <c>accepted</c>, <c>observed</c>, <c>verdict</c>, …).</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record TimelineEntry(long Sequence, string Kind, DateTimeOffset RecordedAt);

/// <summary>One erasure with its timeline.</summary>
/// <param name="Erasure">The erasure.</param>
/// <param name="Timeline">Its ledger entries in order.</param>
public sealed record ErasureDetail(ErasureView Erasure, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>A page of erasures and the cursor of the next page (null on the last).</summary>
/// <param name="Items">The erasures, by submission time.</param>
/// <param name="Next">Pass as <c>after</c> for the next page.</param>
public sealed record ErasurePage(IReadOnlyList<ErasureView> Items, string? Next);

/// <summary>An erasure that is overdue or projected to miss its deadline.</summary>
/// <param name="Erasure">The erasure.</param>
/// <param name="DueAt">Its due date.</param>
/// <param name="ProjectedEndAt">When its deletion is projected to end.</param>
/// <param name="Overdue">True when the due date has passed.</param>
public sealed record LateErasure(ErasureView Erasure, DateTimeOffset DueAt, DateTimeOffset ProjectedEndAt, bool Overdue);
