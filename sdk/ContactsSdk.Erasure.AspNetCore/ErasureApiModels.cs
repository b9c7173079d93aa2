using System.Collections.Generic;
using System.Text.Json.Serialization;
using System;
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

    /// <summary>The business unit (MID), a JSON number or a string of digits; the client's own when absent.</summary>
    public AccountId? AccountId { get; set; }

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
public sealed record ErasureView
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureApiModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ErasureView(string requestId, Guid erasureId, AccountId? accountId, SubjectKind subjectKind, int subjectCount, ErasureState state, ErasureVerdict? verdict, long? operationId, DateTimeOffset submittedAt, DateTimeOffset updatedAt, DateTimeOffset? concludedAt, DateTimeOffset? dueAt, bool? deadlineMet)
    {
        RequestId = requestId;
        ErasureId = erasureId;
        AccountId = accountId;
        SubjectKind = subjectKind;
        SubjectCount = subjectCount;
        State = state;
        Verdict = verdict;
        OperationId = operationId;
        SubmittedAt = submittedAt;
        UpdatedAt = updatedAt;
        ConcludedAt = concludedAt;
        DueAt = dueAt;
        DeadlineMet = deadlineMet;
    }

    /// <summary>The caller's request ID.</summary>
    public string RequestId { get; init; }

    /// <summary>The ledger's ID.</summary>
    public Guid ErasureId { get; init; }

    /// <summary>The MID.</summary>
    public AccountId? AccountId { get; init; }

    /// <summary>What the subjects are.</summary>
    public SubjectKind SubjectKind { get; init; }

    /// <summary>How many subjects.</summary>
    public int SubjectCount { get; init; }

    /// <summary>Where the erasure stands.</summary>
    public ErasureState State { get; init; }

    /// <summary>How it ended, once it has.</summary>
    public ErasureVerdict? Verdict { get; init; }

    /// <summary>Marketing Cloud's operation, once accepted.</summary>
    public long? OperationId { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When its last entry was recorded.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When its verdict was recorded.</summary>
    public DateTimeOffset? ConcludedAt { get; init; }

    /// <summary>Its legal due date.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Whether the deadline was met, once it ended.</summary>
    public bool? DeadlineMet { get; init; }

    internal static ErasureView Of(ErasureRecord record) => new(
        record.RequestId, record.ErasureId, record.AccountId, record.SubjectKind, record.SubjectCount, record.State, record.Verdict,
        record.OperationId, record.SubmittedAt, record.UpdatedAt, record.ConcludedAt, record.DueAt, record.DeadlineMet);
}

/// <summary>One entry of an erasure's ledger chain, as a step of its timeline (its payload stays in the ledger).</summary>
public sealed record TimelineEntry
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureApiModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal TimelineEntry(long sequence, string kind, DateTimeOffset recordedAt)
    {
        Sequence = sequence;
        Kind = kind;
        RecordedAt = recordedAt;
    }

    /// <summary>1 for the submission, then +1 each.</summary>
    public long Sequence { get; init; }

    /// <summary>What happened (<c>submitted</c>, <c>accepted</c>, <c>observed</c>, <c>verdict</c>, …).</summary>
    public string Kind { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>One erasure with its timeline.</summary>
public sealed record ErasureDetail
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureApiModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ErasureDetail(ErasureView erasure, IReadOnlyList<TimelineEntry> timeline)
    {
        Erasure = erasure;
        Timeline = timeline;
    }

    /// <summary>The erasure.</summary>
    public ErasureView Erasure { get; init; }

    /// <summary>Its ledger entries in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; }
}

/// <summary>A page of erasures and the cursor of the next page (null on the last).</summary>
public sealed record ErasurePage
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureApiModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ErasurePage(IReadOnlyList<ErasureView> items, string? next)
    {
        Items = items;
        Next = next;
    }

    /// <summary>The erasures, by submission time.</summary>
    public IReadOnlyList<ErasureView> Items { get; init; }

    /// <summary>Pass as <c>after</c> for the next page.</summary>
    public string? Next { get; init; }
}

/// <summary>An erasure that is overdue or projected to miss its deadline.</summary>
public sealed record LateErasure
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureApiModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal LateErasure(ErasureView erasure, DateTimeOffset dueAt, DateTimeOffset projectedEndAt, bool overdue)
    {
        Erasure = erasure;
        DueAt = dueAt;
        ProjectedEndAt = projectedEndAt;
        Overdue = overdue;
    }

    /// <summary>The erasure.</summary>
    public ErasureView Erasure { get; init; }

    /// <summary>Its due date.</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>When its deletion is projected to end.</summary>
    public DateTimeOffset ProjectedEndAt { get; init; }

    /// <summary>True when the due date has passed.</summary>
    public bool Overdue { get; init; }
}
