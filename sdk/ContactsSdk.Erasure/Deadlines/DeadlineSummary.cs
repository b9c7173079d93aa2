using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure;

/// <summary>
/// An erasure's legal deadline as its ledger records it: the regime, when the data subject's request
/// was received, the first and the current due date, every extension, and whether it was met. Part of
/// the receipt (<c>deadline</c>) and of <see cref="IErasureService.GetDeadlineAsync"/>.
/// </summary>
public sealed record DeadlineSummary
{
    /// <summary>The regime the erasure is held to.</summary>
    public required DeadlineRegime Regime { get; init; }

    /// <summary>The period in days of a custom deadline; absent otherwise.</summary>
    public int? CustomDays { get; init; }

    /// <summary>When the data subject's request was received (the submission time unless the caller said otherwise).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The due date before any extension.</summary>
    public required DateTimeOffset OriginalDueAt { get; init; }

    /// <summary>The due date in force: the last extension's, or the original one.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The latest due date an extension may set (GDPR: 3 months, CCPA: 90 days after receipt); absent for a custom deadline.</summary>
    public DateTimeOffset? LatestPermittedDueAt { get; init; }

    /// <summary>Every extension, in order. Each one's free-text reason stays in the ledger entry only: it may name a person.</summary>
    public required IReadOnlyList<DeadlineExtension> Extensions { get; init; }

    /// <summary>
    /// Whether the deadline was met, once the erasure has a verdict: for <c>Deleted</c> and
    /// <c>NoMatchingContacts</c>, true when the verdict was recorded on or before <see cref="DueAt"/>;
    /// for <c>Restored</c>, <c>Invalid</c> and <c>FailedToStart</c> always false (the contacts were not
    /// deleted: a new erasure is needed). Absent while the erasure has no verdict.
    /// </summary>
    public bool? Met { get; init; }
}

/// <summary>One extension of a deadline.</summary>
public sealed record DeadlineExtension
{
    /// <summary>When the extension was recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The due date before it.</summary>
    public required DateTimeOffset PreviousDueAt { get; init; }

    /// <summary>The due date it set.</summary>
    public required DateTimeOffset NewDueAt { get; init; }

    /// <summary>Why (the code; the operator's text stays in the ledger entry).</summary>
    public required DeadlineExtensionReason Reason { get; init; }
}
