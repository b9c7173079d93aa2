using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure;

/// <summary>The deadline members of the erasure service: the deadline at submission, extensions, the check.</summary>
internal sealed partial class ErasureService
{
    /// <summary>The longest reason text an extension may carry.</summary>
    internal const int MaxReasonTextLength = 1000;

    /// <summary>How often an extension is tried again when a workflow step changed the erasure under it.</summary>
    private const int ExtendAttempts = 5;

    public async Task<ErasureRecord> ExtendDeadlineAsync(
        string requestId, DateTimeOffset newDueAt, DeadlineExtensionReason reason, string? reasonText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        RequireReason(reason, reasonText);
        newDueAt = Milliseconds(newDueAt);
        for (var attempt = 0; attempt < ExtendAttempts; attempt++)
        {
            var record = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
            var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
            var deadline = RequireExtensible(record, entries);
            RequirePermitted(deadline, newDueAt);
            var payload = new DeadlineExtendedPayload(deadline.DueAt, newDueAt, reason, reasonText);
            var (result, updated) = await _ledger.AppendAsync(record, EntryKinds.DeadlineExtended, payload, record.State, a => a with { DueAt = newDueAt }, cancellationToken)
                .ConfigureAwait(false);
            if (result == AppendResult.Appended)
            {
                return updated;
            }
            // A workflow step wrote the erasure meanwhile: read it again and decide again.
        }
        throw new ErasureLedgerException($"Erasure '{requestId}' kept changing while its deadline was being extended; nothing was written. Try again.");
    }

    public async Task<DeadlineSummary?> GetDeadlineAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var record = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        return DeadlineRules.Summarize(entries, record.Verdict, record.ConcludedAt);
    }

    public Task<DeadlineCheck> CheckDeadlinesAsync(CancellationToken cancellationToken = default) => _deadlines.CheckAsync(cancellationToken);

    /// <summary>The deadline a new erasure is held to, checked against the submission time <paramref name="now"/>.</summary>
    private static (ErasureDeadline Deadline, DateTimeOffset ReceivedAt, DateTimeOffset DueAt) DeadlineOf(ErasureRequest request, DateTimeOffset now)
    {
        var deadline = request.Deadline ?? ErasureDeadline.Gdpr;
        var receivedAt = request.ReceivedAt is { } given ? Milliseconds(given) : now;
        if (receivedAt > now)
        {
            throw new ArgumentException($"The request's received-at time {receivedAt:O} is later than now ({now:O}): a request cannot be received in the future.", nameof(request));
        }
        if (receivedAt < now - ErasureRequest.MaxReceivedAge)
        {
            throw new ArgumentException(
                $"The request's received-at time {receivedAt:O} is more than {ErasureRequest.MaxReceivedAge.TotalDays:0} days ago: check the date (the year?).", nameof(request));
        }
        return (deadline, receivedAt, deadline.DueAt(receivedAt));
    }

    /// <summary>Whether a repeated submission states the same deadline as the recorded one (what it leaves out is not compared).</summary>
    private static bool SameDeadline(ErasureRequest request, SubmittedPayload submitted)
    {
        if (request.Deadline is { } deadline && (submitted.Deadline != deadline.Regime || submitted.DeadlineDays != deadline.CustomDays))
        {
            return false;
        }
        return request.ReceivedAt is not { } receivedAt || submitted.ReceivedAt == Milliseconds(receivedAt);
    }

    /// <summary>The erasure's deadline, when it may still be extended.</summary>
    private static DeadlineSummary RequireExtensible(ErasureRecord record, IReadOnlyList<LedgerEntry> entries)
    {
        if (record.Verdict is { } verdict || record.State is ErasureState.Concluded or ErasureState.Closed)
        {
            throw new InvalidOperationException($"Erasure '{record.RequestId}' has ended ({record.Verdict?.ToString() ?? record.State.ToString()}): its deadline can no longer be extended.");
        }
        return DeadlineRules.Summarize(entries, record.Verdict, record.ConcludedAt)
            ?? throw new InvalidOperationException($"Erasure '{record.RequestId}' was recorded without a deadline (by a version before deadlines): there is none to extend.");
    }

    private static void RequirePermitted(DeadlineSummary deadline, DateTimeOffset newDueAt)
    {
        if (newDueAt <= deadline.DueAt)
        {
            throw new ArgumentException($"The new due date {newDueAt:O} is not later than the current one, {deadline.DueAt:O}.", nameof(newDueAt));
        }
        if (deadline.LatestPermittedDueAt is { } latest && newDueAt > latest)
        {
            throw new ArgumentException(
                $"The new due date {newDueAt:O} is beyond what {deadline.Regime} permits for a request received {deadline.ReceivedAt:O}: at most {latest:O}.", nameof(newDueAt));
        }
    }

    private static void RequireReason(DeadlineExtensionReason reason, string? reasonText)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a known extension reason.");
        }
        // The messages never quote the text: it may name the data subject.
        if (reason == DeadlineExtensionReason.Other && string.IsNullOrWhiteSpace(reasonText))
        {
            throw new ArgumentException("An extension for another reason needs the reason in words.", nameof(reasonText));
        }
        if (reasonText is not null && (reasonText.Length > MaxReasonTextLength || reasonText.Any(c => char.IsControl(c) && c is not '\n')))
        {
            throw new ArgumentException($"A reason text has at most {MaxReasonTextLength} characters and no control characters but line breaks.", nameof(reasonText));
        }
    }

    /// <summary>A time at the ledger's precision (milliseconds), keeping its offset.</summary>
    private static DateTimeOffset Milliseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));
}
