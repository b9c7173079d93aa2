using System;
using System.Collections.Generic;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.AspNetCore;

/// <summary>
/// Builds the erasure API's answers (<see cref="ErasureView"/>, <see cref="ErasurePage"/>, …), for tests of code that reads them.
/// </summary>
/// <remarks>
/// These types have no public constructor, so that a property can be added in a minor version
/// without breaking callers (the way Azure SDK models grow). A test that needs one, for a test
/// double of the client or an assertion, builds it here; a method gains parameters only as
/// overloads.
/// </remarks>
public static class ErasureApiModelFactory
{
    /// <summary>Builds a <see cref="ErasureView"/> with the given values.</summary>
    /// <param name="requestId">The caller's request ID.</param>
    /// <param name="erasureId">The ledger's ID.</param>
    /// <param name="accountId">The MID.</param>
    /// <param name="subjectKind">What the subjects are.</param>
    /// <param name="subjectCount">How many subjects.</param>
    /// <param name="state">Where the erasure stands.</param>
    /// <param name="verdict">How it ended, once it has.</param>
    /// <param name="operationId">Marketing Cloud's operation, once accepted.</param>
    /// <param name="submittedAt">When it was recorded.</param>
    /// <param name="updatedAt">When its last entry was recorded.</param>
    /// <param name="concludedAt">When its verdict was recorded.</param>
    /// <param name="dueAt">Its legal due date.</param>
    /// <param name="deadlineMet">Whether the deadline was met, once it ended.</param>
    /// <returns>The new <see cref="ErasureView"/>.</returns>
    public static ErasureView ErasureView(string requestId, Guid erasureId, AccountId? accountId, SubjectKind subjectKind, int subjectCount, ErasureState state, ErasureVerdict? verdict, long? operationId, DateTimeOffset submittedAt, DateTimeOffset updatedAt, DateTimeOffset? concludedAt, DateTimeOffset? dueAt, bool? deadlineMet) =>
        new(requestId, erasureId, accountId, subjectKind, subjectCount, state, verdict, operationId, submittedAt, updatedAt, concludedAt, dueAt, deadlineMet);

    /// <summary>Builds a <see cref="TimelineEntry"/> with the given values.</summary>
    /// <param name="sequence">1 for the submission, then +1 each.</param>
    /// <param name="kind">What happened (<c>submitted</c>, <c>accepted</c>, <c>observed</c>, <c>verdict</c>, …).</param>
    /// <param name="recordedAt">When it was recorded.</param>
    /// <returns>The new <see cref="TimelineEntry"/>.</returns>
    public static TimelineEntry TimelineEntry(long sequence, string kind, DateTimeOffset recordedAt) =>
        new(sequence, kind, recordedAt);

    /// <summary>Builds a <see cref="ErasureDetail"/> with the given values.</summary>
    /// <param name="erasure">The erasure.</param>
    /// <param name="timeline">Its ledger entries in order.</param>
    /// <returns>The new <see cref="ErasureDetail"/>.</returns>
    public static ErasureDetail ErasureDetail(ErasureView erasure, IReadOnlyList<TimelineEntry> timeline) =>
        new(erasure, timeline);

    /// <summary>Builds a <see cref="ErasurePage"/> with the given values.</summary>
    /// <param name="items">The erasures, by submission time.</param>
    /// <param name="next">Pass as <c>after</c> for the next page.</param>
    /// <returns>The new <see cref="ErasurePage"/>.</returns>
    public static ErasurePage ErasurePage(IReadOnlyList<ErasureView> items, string? next) =>
        new(items, next);

    /// <summary>Builds a <see cref="LateErasure"/> with the given values.</summary>
    /// <param name="erasure">The erasure.</param>
    /// <param name="dueAt">Its due date.</param>
    /// <param name="projectedEndAt">When its deletion is projected to end.</param>
    /// <param name="overdue">True when the due date has passed.</param>
    /// <returns>The new <see cref="LateErasure"/>.</returns>
    public static LateErasure LateErasure(ErasureView erasure, DateTimeOffset dueAt, DateTimeOffset projectedEndAt, bool overdue) =>
        new(erasure, dueAt, projectedEndAt, overdue);
}
