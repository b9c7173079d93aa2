using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Models;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

internal sealed partial class ErasureStepRunner
{
    /// <summary>
    /// Reads the deletion's status once. A change of any raw value is recorded; a terminal state (read
    /// by the generated lifecycle interpretation) is recorded as the verdict. The next read is due after
    /// as long as the status has stayed the same, between the first delay and the longest interval.
    /// </summary>
    private async Task<StepOutcome> PollAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var operationId = record.OperationId ?? throw new InvalidOperationException($"Erasure {record.ErasureId} is accepted without an operation ID.");
        var batch = record.BatchId is { } batchId ? await Store.FindBatchAsync(batchId, cancellationToken).ConfigureAwait(false) : null;
        var queued = batch is { State: BatchState.InQueue } ? batch : null;
        if (queued is not null && queued.LeadErasureId != record.ErasureId)
        {
            // While the call waits in Marketing Cloud's queue only the lead reads it; it wakes the others when it leaves.
            return StepOutcome.At(Now + _options.MaxPollInterval);
        }
        if (batch is { State: BatchState.LeftQueue } && batch.LeadErasureId != record.ErasureId
            && await LeadHasNothingNewAsync(batch, record, cancellationToken).ConfigureAwait(false))
        {
            // The lead reads the shared operation for everyone and wakes the others when it sees a change.
            return StepOutcome.At(Now + _options.MaxPollInterval);
        }
        DeleteStatusResponse response;
        try
        {
            response = await _client.GetDeletionStatusAsync(operationId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var (failed, _) = await _ledger.AppendAsync(record, EntryKinds.PollFailed, new FailurePayload("poll", ErrorInfos.From(ex)), ErasureState.Accepted, null, cancellationToken).ConfigureAwait(false);
            _logger.LogWarning("Erasure {ErasureId}: reading operation {OperationId} failed ({Kind}); trying again later.", record.ErasureId, operationId, ex.GetType().Name);
            return StepOutcome.At(failed == AppendResult.Appended ? Now + _options.RetryDelay : Refused(record, failed));
        }
        await _checkpoints.ReachedAsync(ErasureCheckpoint.DuringPoll, record.ErasureId).ConfigureAwait(false);

        var lifecycle = response.GetDeletionState();
        var observed = new ObservedPayload(
            lifecycle.Phase.ToString(),
            lifecycle.State.ToString(),
            response.Operation?.Status,
            response.BackgroundOperationsSummary?.Select(s => s.BackgroundOperationStatusID).ToList(),
            response.ResponseDateTime,
            response.NumberofRestorableDays,
            response.ServiceMessageID,
            response.RequestServiceMessageID);

        var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        var lastObserved = entries.LastOrDefault(e => e.Kind == EntryKinds.Observed);
        var lastChange = lastObserved?.RecordedAt ?? entries.Last(e => e.Kind is EntryKinds.Accepted or EntryKinds.Reconciled).RecordedAt;
        var changed = lastObserved is null || !SameStatus(LedgerJson.Read<ObservedPayload>(lastObserved.Payload), observed);
        if (changed)
        {
            var (appended, updated) = await _ledger.AppendAsync(record, EntryKinds.Observed, observed, ErasureState.Accepted, null, cancellationToken).ConfigureAwait(false);
            if (appended != AppendResult.Appended)
            {
                return StepOutcome.At(Refused(record, appended));
            }
            _logger.LogInformation("Erasure {ErasureId}: operation {OperationId} is {Phase}/{State}.", record.ErasureId, operationId, lifecycle.Phase, lifecycle.State);
            record = updated;
            lastChange = updated.UpdatedAt;
        }

        LeftQueue? left = null;
        if (queued is not null && lifecycle.State != ContactDeletionState.SuppressionPending)
        {
            left = await RecordLeftQueueAsync(queued, record, cancellationToken).ConfigureAwait(false);
            record = left?.Lead ?? record;
            queued = null;
        }
        var outcome = StepOutcome.At(lifecycle.IsTerminal
            ? await RecordVerdictAsync(record, lifecycle.State, cancellationToken).ConfigureAwait(false)
            : Now + NextPollWait(lastChange, queued is not null));
        if (left is not null)
        {
            // The call left the queue: the other members read the status once, and the next request may go out.
            return outcome.Waking(left.OtherMembers, Now).HandingOnSendSlot();
        }
        return changed && batch is { State: BatchState.LeftQueue } && batch.LeadErasureId == record.ErasureId
            ? outcome.Waking(await OtherActiveMembersAsync(batch, record.ErasureId, cancellationToken).ConfigureAwait(false), Now)
            : outcome;
    }

    /// <summary>
    /// Whether a member of a request that left the queue can skip its own read: its lead still follows
    /// the shared operation, and the lead's latest read shows what the member last recorded. The status
    /// of one operation is the same for every erasure riding it, so one read a change is enough; each
    /// member still records every change and its verdict from a read of its own. The member relies on
    /// the lead's own wake-up, which every active erasure has (the periodic wake-up check restores one
    /// that went missing), and reads for itself once the lead has concluded.
    /// </summary>
    private async Task<bool> LeadHasNothingNewAsync(BatchRecord batch, ErasureRecord member, CancellationToken cancellationToken)
    {
        if (await Store.FindAsync(batch.LeadErasureId, cancellationToken).ConfigureAwait(false) is not { State: ErasureState.Accepted } lead
            || lead.OperationId != member.OperationId)
        {
            return false;
        }
        var leadLast = LastObservation(await Store.ReadEntriesAsync(lead.ErasureId, cancellationToken).ConfigureAwait(false));
        var memberLast = LastObservation(await Store.ReadEntriesAsync(member.ErasureId, cancellationToken).ConfigureAwait(false));
        return leadLast is not null && memberLast is not null && SameStatus(leadLast, memberLast);
    }

    private static ObservedPayload? LastObservation(IReadOnlyList<LedgerEntry> entries) =>
        entries.LastOrDefault(e => e.Kind == EntryKinds.Observed) is { } entry ? LedgerJson.Read<ObservedPayload>(entry.Payload) : null;

    /// <summary>The members of the lead's request still following it, to wake when the lead sees a change.</summary>
    private async Task<IEnumerable<Guid>> OtherActiveMembersAsync(BatchRecord batch, Guid leadId, CancellationToken cancellationToken) =>
        (await Store.ListBatchMembersAsync(batch.BatchId, cancellationToken).ConfigureAwait(false))
            .Where(m => m.ErasureId != leadId && m.State == ErasureState.Accepted)
            .Select(m => m.ErasureId);

    /// <summary>As long as the status has stayed the same, between the first delay and the longest interval (shorter while the call is queued).</summary>
    private TimeSpan NextPollWait(DateTimeOffset lastChange, bool queued)
    {
        var unchangedFor = Now - lastChange;
        var longest = queued ? TimeSpan.FromTicks(Math.Min(_options.QueueCheckInterval.Ticks, _options.MaxPollInterval.Ticks)) : _options.MaxPollInterval;
        return TimeSpan.FromTicks(Math.Clamp(unchangedFor.Ticks, Math.Min(_options.FirstPollDelay.Ticks, longest.Ticks), longest.Ticks));
    }

    /// <summary>The recorded end of a call's wait in the queue: the lead's row after it, and the members to wake.</summary>
    private sealed record LeftQueue(ErasureRecord Lead, IReadOnlyList<Guid> OtherMembers);

    /// <summary>
    /// The lead saw its call processed (the suppression phase over): the request left Marketing Cloud's
    /// queue, so the next one may go out, and the other members start reading their own status. What
    /// the delete-operations list reports of the processed call (its status, contacts processed and in
    /// error, start and end, restorable until) is recorded in every member's chain with it; when the list
    /// cannot be read, the call's end is still recorded, without those figures.
    /// </summary>
    /// <returns>The lead's row after the entry and the members to wake; null when the batch changed under the step (nothing recorded).</returns>
    private async Task<LeftQueue?> RecordLeftQueueAsync(BatchRecord batch, ErasureRecord lead, CancellationToken cancellationToken)
    {
        var operationId = batch.OperationId ?? throw new InvalidOperationException($"Batch {batch.BatchId} is in the queue without an operation ID.");
        var listed = await FindListedOperationAsync(operationId, cancellationToken).ConfigureAwait(false);
        var payload = new ProcessedPayload(operationId, batch.BatchId, listed?.RawStatus, listed?.SuccessCount, listed?.ErrorCount,
            listed?.StartTime, listed?.EndTime, listed?.RestorableUntilDate);
        var appends = new List<LedgerAppend>();
        var (result, members) = await WriteForMembersAsync(batch, current =>
        {
            appends = current.Select(m => _ledger.Prepare(m, EntryKinds.RequestProcessed, payload, m.State)).ToList();
            return new BatchWrite { Change = new BatchChange(batch.BatchId, batch.Version, BatchState.LeftQueue, Now), Appends = appends };
        }, cancellationToken).ConfigureAwait(false);
        if (result != AppendResult.Appended)
        {
            return null;
        }
        _logger.LogInformation("Batch {BatchId}: operation {OperationId} left Marketing Cloud's delete queue.", batch.BatchId, operationId);
        return new LeftQueue(
            ErasureLedger.After(members.Single(m => m.ErasureId == lead.ErasureId), appends.Single(a => a.Entry.ErasureId == lead.ErasureId)),
            members.Where(m => m.ErasureId != lead.ErasureId).Select(m => m.ErasureId).ToList());
    }

    /// <summary>The operation on the delete-operations list, or null when the list cannot be read or does not show it.</summary>
    private async Task<ListedDeleteOperation?> FindListedOperationAsync(long operationId, CancellationToken cancellationToken)
    {
        try
        {
            return (await _client.ListDeleteOperationsAsync(untilOperationId: operationId, cancellationToken: cancellationToken).ConfigureAwait(false)).Find(operationId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Operation {OperationId}: the delete-operations list could not be read ({Kind}); its counts are not recorded.", operationId, ex.GetType().Name);
            return null;
        }
    }

    private async Task<DateTimeOffset?> RecordVerdictAsync(ErasureRecord record, ContactDeletionState state, CancellationToken cancellationToken)
    {
        var verdict = state switch
        {
            ContactDeletionState.Deleted => ErasureVerdict.Deleted,
            ContactDeletionState.Restored => ErasureVerdict.Restored,
            ContactDeletionState.Invalid => ErasureVerdict.Invalid,
            _ => throw new InvalidOperationException($"The lifecycle state {state} is terminal but has no verdict."),
        };
        var (result, _) = await _ledger.AppendAsync(record, EntryKinds.Verdict, new VerdictPayload(verdict, state.ToString()), ErasureState.Concluded,
            a => a with { Verdict = verdict, ConcludedAt = a.Entry.RecordedAt }, cancellationToken).ConfigureAwait(false);
        if (result != AppendResult.Appended)
        {
            return Refused(record, result);
        }
        _logger.LogInformation("Erasure {ErasureId}: verdict {Verdict}.", record.ErasureId, verdict);
        await _checkpoints.ReachedAsync(ErasureCheckpoint.AfterVerdict, record.ErasureId).ConfigureAwait(false);
        return Now;
    }

    /// <summary>Whether two reads show the same status: every raw value, not only the interpreted state.</summary>
    private static bool SameStatus(ObservedPayload a, ObservedPayload b) =>
        a.Phase == b.Phase && a.State == b.State && a.OperationStatus == b.OperationStatus
        && a.NumberOfRestorableDays == b.NumberOfRestorableDays
        && (a.BackgroundOperationStatuses ?? []).SequenceEqual(b.BackgroundOperationStatuses ?? []);
}
