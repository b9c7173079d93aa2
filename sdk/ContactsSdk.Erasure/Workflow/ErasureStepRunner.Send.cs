using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Deletion;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Errors;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

internal sealed partial class ErasureStepRunner
{
    /// <summary>
    /// Whether a step of this runner freed the send slot with the request settled (accepted,
    /// reconciled or refused): the job then wakes the erasure that has waited longest for the slot.
    /// Not after a request that failed unprocessed: the service just failed, and the next erasure
    /// should not be sent into it at once; the waiting erasures' own looks continue the queue.
    /// </summary>
    public bool SettledAndFreedSendSlot { get; private set; }
    /// <summary>
    /// The dangerous step. The intent is recorded first (taking the send slot), then the request is
    /// sent, then its outcome recorded. A crash anywhere in between leaves the erasure in Sending,
    /// which the next run treats as an unknown outcome: it reconciles, it never resends blindly.
    /// </summary>
    private async Task<DateTimeOffset?> SendAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var subjects = await Store.ReadClearSubjectsAsync(record.ErasureId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Erasure {record.ErasureId} has no identifiers left to send.");
        var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        var attempt = entries.Count(e => e.Kind == EntryKinds.IntentToSend) + 1;
        var byIds = record.SubjectKind == SubjectKind.ContactIds;
        var intent = new IntentPayload(attempt, byIds ? "ids" : "keys", subjects.Count);

        var (taken, sending) = await _ledger.AppendAsync(record, EntryKinds.IntentToSend, intent, ErasureState.Sending,
            a => a with { SendSlot = SendSlotChange.Acquire }, cancellationToken).ConfigureAwait(false);
        if (taken == AppendResult.SendSlotBusy)
        {
            return await NextLookAtSendSlotAsync(record, cancellationToken).ConfigureAwait(false);
        }
        if (taken != AppendResult.Appended)
        {
            return Refused(record, taken);
        }
        await _checkpoints.ReachedAsync(ErasureCheckpoint.AfterIntent, record.ErasureId).ConfigureAwait(false);

        DeletionStarted started;
        try
        {
            started = byIds
                ? await _client.StartDeletionByIdsAsync(subjects.Select(s => long.Parse(s, CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false)
                : await _client.StartDeletionByKeysAsync(subjects, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-request: the erasure stays in Sending and is reconciled on the next run.
            throw;
        }
        catch (ContactsServiceException refused)
        {
            return await RecordRefusalAsync(sending, refused).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorInfos.ProvesNotProcessed(ex))
        {
            var (result, _) = await _ledger.AppendAsync(sending, EntryKinds.NotProcessed, new FailurePayload("send", ErrorInfos.From(ex)), ErasureState.ReadyToSend,
                a => a with { SendSlot = SendSlotChange.Release }, CancellationToken.None).ConfigureAwait(false);
            _logger.LogWarning("Erasure {ErasureId}: the delete request was refused before processing ({Kind}); it will be sent again.", record.ErasureId, ex.GetType().Name);
            return result == AppendResult.Appended ? Now + _options.RetryDelay : Refused(sending, result);
        }
        catch (Exception ex)
        {
            // DeletionOutcomeUnknownException and anything unexpected: the request may have been acted on.
            var (result, _) = await _ledger.AppendAsync(sending, EntryKinds.OutcomeUnknown, new FailurePayload("send", ErrorInfos.From(ex)), ErasureState.Reconciling,
                null, CancellationToken.None).ConfigureAwait(false);
            _logger.LogWarning("Erasure {ErasureId}: the delete request's outcome is unknown ({Kind}); reconciling before any resend.", record.ErasureId, ex.GetType().Name);
            return result == AppendResult.Appended ? Now : Refused(sending, result);
        }

        await _checkpoints.ReachedAsync(ErasureCheckpoint.AfterAnswerBeforeRecord, record.ErasureId).ConfigureAwait(false);
        var response = started.Response;
        var accepted = new AcceptedPayload(started.OperationId, response.RequestServiceMessageID, response.ServiceMessageID, response.ResponseDateTime);
        return await RecordAcceptanceAsync(sending, EntryKinds.Accepted, accepted, started.OperationId).ConfigureAwait(false);
    }

    /// <summary>A step found the erasure in Sending: the run that recorded the intent ended before recording the outcome.</summary>
    private async Task<DateTimeOffset?> InterruptedSendAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var payload = new FailurePayload("send", new ErrorInfo("Interrupted", null, null, null));
        var (result, _) = await _ledger.AppendAsync(record, EntryKinds.OutcomeUnknown, payload, ErasureState.Reconciling, null, cancellationToken).ConfigureAwait(false);
        _logger.LogWarning("Erasure {ErasureId}: a delete request may have been sent by a run that did not finish; reconciling.", record.ErasureId);
        return result == AppendResult.Appended ? Now : Refused(record, result);
    }

    /// <summary>Records an accepted deletion: the operation is claimed, the identifiers in clear are erased, the slot freed.</summary>
    private async Task<DateTimeOffset?> RecordAcceptanceAsync<T>(ErasureRecord record, string kind, T payload, long operationId)
    {
        // Recording must not be cancelled halfway by a shutdown: the answer would be lost and reconciled later.
        var (result, _) = await _ledger.AppendAsync(record, kind, payload, ErasureState.Accepted,
            a => a with { OperationId = operationId, ClearSubjects = ClearSubjectsChange.Erase, SendSlot = SendSlotChange.Release }, CancellationToken.None).ConfigureAwait(false);
        if (result == AppendResult.OperationClaimed)
        {
            throw new InvalidOperationException($"Operation {operationId} is already claimed by another erasure; erasure {record.ErasureId} needs review.");
        }
        SettledAndFreedSendSlot |= result == AppendResult.Appended;
        _logger.LogInformation("Erasure {ErasureId}: accepted as operation {OperationId}.", record.ErasureId, operationId);
        return result == AppendResult.Appended ? Now + _options.FirstPollDelay : Refused(record, result);
    }

    private async Task<DateTimeOffset?> RecordRefusalAsync(ErasureRecord record, ContactsServiceException refused)
    {
        var payload = new RefusedPayload(refused.ServiceMessageId, ErrorInfos.Codes(refused));
        var (result, _) = await _ledger.AppendAsync(record, EntryKinds.Refused, payload, ErasureState.Concluded,
            a => a with
            {
                Verdict = ErasureVerdict.FailedToStart, ConcludedAt = a.Entry.RecordedAt,
                ClearSubjects = ClearSubjectsChange.Erase, SendSlot = SendSlotChange.Release,
            }, CancellationToken.None).ConfigureAwait(false);
        SettledAndFreedSendSlot |= result == AppendResult.Appended;
        _logger.LogWarning("Erasure {ErasureId}: Marketing Cloud refused the delete request; no deletion started.", record.ErasureId);
        return result == AppendResult.Appended ? Now : Refused(record, result);
    }

    /// <summary>
    /// When an erasure that found the send slot busy looks again: after <see cref="ErasureOptions.SendSlotRetryDelay"/>
    /// times one plus the number of erasures that have waited longer. The erasure that frees the slot
    /// wakes the one that has waited longest, so the queue moves at the pace of the sends; these looks
    /// are the fallback (a worker that died between freeing the slot and waking the next), and spacing
    /// them by place in the queue keeps thousands of waiting erasures from polling the ledger and the
    /// scheduler many times a second.
    /// </summary>
    private async Task<DateTimeOffset> NextLookAtSendSlotAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var ahead = await Store.CountWaitingToSendAheadAsync(record, cancellationToken).ConfigureAwait(false);
        return Now + SendQueue.LookAfter(_options.SendSlotRetryDelay, ahead);
    }
}
