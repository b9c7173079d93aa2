using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

// The shared delete request: sent, settled and split by its lead's steps.
internal sealed partial class ErasureStepRunner
{
    /// <summary>
    /// An erasure riding a request that is formed, in flight or of unknown outcome. Only the lead acts:
    /// its scheduler job never runs twice at once, so a lead that finds its request in flight knows the
    /// run that sent it ended. The other members wait; the lead wakes them when the request settles.
    /// </summary>
    private async Task<StepOutcome> DriveBatchAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        if (record.BatchId is not { } batchId)
        {
            return StepOutcome.At(await AdoptUnbatchedSendAsync(record, cancellationToken).ConfigureAwait(false));
        }
        var batch = await Store.FindBatchAsync(batchId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Erasure {record.ErasureId} rides batch {batchId}, which is not in the ledger.");
        if (batch.LeadErasureId != record.ErasureId)
        {
            return StepOutcome.At(Now + _options.MaxPollInterval);
        }
        var members = await Store.ListBatchMembersAsync(batchId, cancellationToken).ConfigureAwait(false);
        return batch.State switch
        {
            BatchState.Formed => await PostBatchAsync(batch, members, cancellationToken).ConfigureAwait(false),
            BatchState.Posting => StepOutcome.At(await RecordOutcomeUnknownAsync(batch, members, new ErrorInfo("Interrupted", null, null, null), cancellationToken).ConfigureAwait(false)),
            BatchState.Reconciling => await ReconcileAsync(batch, members, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"Erasure {record.ErasureId} is {record.State} but its batch {batchId} is {batch.State}."),
        };
    }

    /// <summary>
    /// The dangerous step. The members' intents are recorded (when the batch was formed); the batch is
    /// marked as being sent, then the request goes out, then its outcome is recorded for every member at
    /// once. A crash in between leaves the batch Posting, which the lead's next run treats as an unknown
    /// outcome: it reconciles, it never resends blindly.
    /// </summary>
    private async Task<StepOutcome> PostBatchAsync(BatchRecord batch, IReadOnlyList<ErasureRecord> members, CancellationToken cancellationToken)
    {
        var subjects = await ReadMemberSubjectsAsync(members, cancellationToken).ConfigureAwait(false);
        var contacts = subjects.Values.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList();
        var posting = batch with { State = BatchState.Posting, Version = batch.Version + 1, UpdatedAt = Now };
        var taken = await Store.WriteBatchAsync(new BatchWrite
        {
            Change = new BatchChange(batch.BatchId, batch.Version, BatchState.Posting, Now),
            AcquireSendSlotFor = batch.BatchId,
        }, cancellationToken).ConfigureAwait(false);
        var lead = members.Single(m => m.ErasureId == batch.LeadErasureId);
        if (taken == AppendResult.SendSlotBusy)
        {
            return StepOutcome.At(await NextLookAtSendSlotAsync(lead, cancellationToken).ConfigureAwait(false));
        }
        if (taken != AppendResult.Appended)
        {
            return StepOutcome.At(Refused(lead, taken));
        }

        DeletionStarted started;
        try
        {
            started = batch.SubjectKind == SubjectKind.ContactIds
                ? await _client.StartDeletionByIdsAsync(contacts.Select(s => long.Parse(s, CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false)
                : await _client.StartDeletionByKeysAsync(contacts, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-request: the batch stays Posting and is reconciled on the next run.
            throw;
        }
        catch (ContactsServiceException refused)
        {
            return await RecordRefusalAsync(posting, members, subjects, refused).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorInfos.ProvesNotProcessed(ex))
        {
            _logger.LogWarning("Batch {BatchId}: the delete request was refused before processing ({Kind}); it will be sent again.", batch.BatchId, ex.GetType().Name);
            return await DissolveAsync(posting, members, EntryKinds.NotProcessed, new FailurePayload("send", ErrorInfos.From(ex), batch.BatchId), Now + _options.RetryDelay, handOn: false).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // DeletionOutcomeUnknownException and anything unexpected: the request may have been acted on.
            _logger.LogWarning("Batch {BatchId}: the delete request's outcome is unknown ({Kind}); reconciling before any resend.", batch.BatchId, ex.GetType().Name);
            return StepOutcome.At(await RecordOutcomeUnknownAsync(posting, members, ErrorInfos.From(ex), CancellationToken.None).ConfigureAwait(false));
        }

        await _checkpoints.ReachedAsync(ErasureCheckpoint.AfterAnswerBeforeRecord, batch.LeadErasureId).ConfigureAwait(false);
        var response = started.Response;
        return await RecordAcceptanceAsync(posting, members, EntryKinds.Accepted,
            info => new AcceptedPayload(started.OperationId, response.RequestServiceMessageID, response.ServiceMessageID, response.ResponseDateTime, info),
            started.OperationId).ConfigureAwait(false);
    }

    /// <summary>Every member's identifiers in clear (they stay until acceptance, and nobody else changes a member in flight).</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<string>>> ReadMemberSubjectsAsync(IReadOnlyList<ErasureRecord> members, CancellationToken cancellationToken)
    {
        var subjects = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var member in members)
        {
            subjects[member.ErasureId] = await Store.ReadClearSubjectsAsync(member.ErasureId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Erasure {member.ErasureId} has no identifiers left to send.");
        }
        return subjects;
    }

    /// <summary>
    /// Records the accepted deletion for every member in one transaction: the operation is claimed by
    /// the batch, each member's identifiers in clear are erased, the slot freed. The lead then watches
    /// the call in Marketing Cloud's queue; the others wait for it to leave.
    /// </summary>
    private async Task<StepOutcome> RecordAcceptanceAsync<T>(
        BatchRecord batch, IReadOnlyList<ErasureRecord> members, string kind, Func<BatchInfo, T> payload, long operationId)
    {
        var info = Info(batch);
        // Recording must not be cancelled halfway by a shutdown: the answer would be lost and reconciled later.
        (var result, members) = await WriteForMembersAsync(batch, current => new BatchWrite
        {
            Change = new BatchChange(batch.BatchId, batch.Version, BatchState.InQueue, Now, operationId),
            ReleaseSendSlotOf = batch.BatchId,
            Appends = current
                .Select(m => _ledger.Prepare(m, kind, payload(info), ErasureState.Accepted, a => a with { OperationId = operationId, ClearSubjects = ClearSubjectsChange.Erase }))
                .ToList(),
        }, CancellationToken.None).ConfigureAwait(false);
        if (result == AppendResult.OperationClaimed)
        {
            throw new InvalidOperationException($"Operation {operationId} is already claimed by another request; batch {batch.BatchId} needs review.");
        }
        var lead = members.Single(m => m.ErasureId == batch.LeadErasureId);
        if (result != AppendResult.Appended)
        {
            return StepOutcome.At(Refused(lead, result));
        }
        _logger.LogInformation("Batch {BatchId}: accepted as operation {OperationId} for {Erasures} erasures.", batch.BatchId, operationId, members.Count);
        return StepOutcome.At(Now + _options.FirstPollDelay).HandingOnSendSlot();
    }

    /// <summary>
    /// Marketing Cloud refused the request. Alone, the erasure ends FailedToStart with the error codes.
    /// Shared, the request is halved: each member records the refusal and its intent for its half, and
    /// the halves go out one after the other, until the refusing erasure rides alone. The others go on.
    /// </summary>
    private async Task<StepOutcome> RecordRefusalAsync(
        BatchRecord batch, IReadOnlyList<ErasureRecord> members, IReadOnlyDictionary<Guid, IReadOnlyList<string>> subjects, ContactsServiceException refused)
    {
        var codes = ErrorInfos.Codes(refused);
        if (members.Count == 1)
        {
            var payload = new RefusedPayload(refused.ServiceMessageId, codes, Info(batch));
            (var written, members) = await WriteForMembersAsync(batch, current => new BatchWrite
            {
                Change = new BatchChange(batch.BatchId, batch.Version, BatchState.Dissolved, Now),
                ReleaseSendSlotOf = batch.BatchId,
                Appends = current.Select(m => _ledger.Prepare(m, EntryKinds.Refused, payload, ErasureState.Concluded, a => a with
                {
                    Verdict = ErasureVerdict.FailedToStart, ConcludedAt = a.Entry.RecordedAt, ClearSubjects = ClearSubjectsChange.Erase,
                })).ToList(),
            }, CancellationToken.None).ConfigureAwait(false);
            if (written != AppendResult.Appended)
            {
                return StepOutcome.At(Refused(members[0], written));
            }
            _logger.LogWarning("Erasure {ErasureId}: Marketing Cloud refused its delete request; no deletion started.", members[0].ErasureId);
            return StepOutcome.At(Now).HandingOnSendSlot();
        }

        var half = members.Count / 2;
        var first = NewHalf(batch, members.Take(half).ToList(), subjects);
        var second = NewHalf(batch, members.Skip(half).ToList(), subjects);
        var halves = members.Select((m, i) => (m.ErasureId, Child: i < half ? first : second)).ToDictionary(p => p.ErasureId, p => p.Child);
        (var split, members) = await WriteForMembersAsync(batch, current => new BatchWrite
        {
            NewBatches = [first, second],
            Change = new BatchChange(batch.BatchId, batch.Version, BatchState.Dissolved, Now),
            ReleaseSendSlotOf = batch.BatchId,
            AcquireSendSlotFor = first.BatchId,
            Appends = current.SelectMany(m => SplitEntries(m, batch, halves[m.ErasureId], refused.ServiceMessageId, codes, subjects[m.ErasureId].Count)).ToList(),
        }, CancellationToken.None).ConfigureAwait(false);
        var lead = members.Single(m => m.ErasureId == batch.LeadErasureId);
        if (split != AppendResult.Appended)
        {
            return StepOutcome.At(Refused(lead, split));
        }
        _logger.LogWarning("Batch {BatchId}: Marketing Cloud refused the shared request; it goes out again as two of {First} and {Second} erasures.",
            batch.BatchId, first.ErasureCount, second.ErasureCount);
        var next = lead.ErasureId == first.LeadErasureId || lead.ErasureId == second.LeadErasureId ? Now : Now + _options.MaxPollInterval;
        return StepOutcome.At(next).Waking(first.LeadErasureId, Now).Waking(second.LeadErasureId, Now);
    }

    /// <summary>A member's refusal of its shared request and its intent for the half it rides next.</summary>
    private IEnumerable<LedgerAppend> SplitEntries(ErasureRecord member, BatchRecord refusedBatch, BatchRecord child, string? serviceMessageId, IReadOnlyList<ResultCode> codes, int contacts)
    {
        var refusal = _ledger.Prepare(member, EntryKinds.RefusedInBatch, new RefusedInBatchPayload(Info(refusedBatch), serviceMessageId, codes, child.BatchId),
            ErasureState.Sending, a => a with { JoinBatch = child.BatchId });
        yield return refusal;
        yield return _ledger.Prepare(ErasureLedger.After(member, refusal), EntryKinds.IntentToSend,
            new IntentPayload(null, refusedBatch.SubjectKind == SubjectKind.ContactIds ? "ids" : "keys", contacts, Info(child)), ErasureState.Sending);
    }

    /// <summary>A half of a refused batch: formed, led by the old lead when it rides this half, else by its longest waiting member.</summary>
    private BatchRecord NewHalf(BatchRecord parent, IReadOnlyList<ErasureRecord> riders, IReadOnlyDictionary<Guid, IReadOnlyList<string>> subjects) => new()
    {
        BatchId = Guid.NewGuid(),
        AccountId = parent.AccountId,
        SubjectKind = parent.SubjectKind,
        State = BatchState.Formed,
        ErasureCount = riders.Count,
        ContactCount = riders.SelectMany(r => subjects[r.ErasureId]).Distinct(StringComparer.Ordinal).Count(),
        LeadErasureId = riders.Any(r => r.ErasureId == parent.LeadErasureId) ? parent.LeadErasureId : riders[0].ErasureId,
        ParentBatchId = parent.BatchId,
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };

    /// <summary>The request came to nothing (not processed, or proven not received): every member is ready to send again.</summary>
    private async Task<StepOutcome> DissolveAsync<T>(
        BatchRecord batch, IReadOnlyList<ErasureRecord> members, string kind, T payload, DateTimeOffset retryAt, bool handOn)
    {
        (var result, members) = await WriteForMembersAsync(batch, current => new BatchWrite
        {
            Change = new BatchChange(batch.BatchId, batch.Version, BatchState.Dissolved, Now),
            ReleaseSendSlotOf = batch.BatchId,
            Appends = current.Select(m => _ledger.Prepare(m, kind, payload, ErasureState.ReadyToSend, a => a with { LeaveBatch = true })).ToList(),
        }, CancellationToken.None).ConfigureAwait(false);
        var lead = members.Single(m => m.ErasureId == batch.LeadErasureId);
        if (result != AppendResult.Appended)
        {
            return StepOutcome.At(Refused(lead, result));
        }
        var outcome = StepOutcome.At(retryAt).Waking(members.Where(m => m.ErasureId != lead.ErasureId).Select(m => m.ErasureId), retryAt);
        return handOn ? outcome.HandingOnSendSlot() : outcome;
    }

    /// <summary>The request may have been acted on: every member records the unknown outcome, and the lead reconciles.</summary>
    private async Task<DateTimeOffset?> RecordOutcomeUnknownAsync(BatchRecord batch, IReadOnlyList<ErasureRecord> members, ErrorInfo error, CancellationToken cancellationToken)
    {
        var payload = new FailurePayload("send", error, batch.BatchId);
        (var result, members) = await WriteForMembersAsync(batch, current => new BatchWrite
        {
            Change = new BatchChange(batch.BatchId, batch.Version, BatchState.Reconciling, Now),
            Appends = current.Select(m => _ledger.Prepare(m, EntryKinds.OutcomeUnknown, payload, ErasureState.Reconciling)).ToList(),
        }, cancellationToken).ConfigureAwait(false);
        var lead = members.Single(m => m.ErasureId == batch.LeadErasureId);
        if (error.Kind == "Interrupted")
        {
            _logger.LogWarning("Batch {BatchId}: a delete request may have been sent by a run that did not finish; reconciling.", batch.BatchId);
        }
        return result == AppendResult.Appended ? Now : Refused(lead, result);
    }

    /// <summary>
    /// An erasure that was sending alone when the ledger was upgraded to shared requests: it becomes the
    /// lead of a batch of one with the same ID (so the send slot it holds is its batch's), its outcome
    /// unknown, and is reconciled like any batch.
    /// </summary>
    private async Task<DateTimeOffset?> AdoptUnbatchedSendAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        var intent = LedgerJson.Read<IntentPayload>(entries.Last(e => e.Kind == EntryKinds.IntentToSend).Payload);
        var batch = new BatchRecord
        {
            BatchId = record.ErasureId,
            AccountId = record.AccountId,
            SubjectKind = record.SubjectKind,
            State = BatchState.Reconciling,
            ErasureCount = 1,
            ContactCount = intent.ContactCount,
            LeadErasureId = record.ErasureId,
            CreatedAt = Now,
            UpdatedAt = Now,
            Version = 1,
        };
        var unknown = _ledger.Prepare(record, EntryKinds.OutcomeUnknown, new FailurePayload("send", new ErrorInfo("Interrupted", null, null, null), batch.BatchId),
            ErasureState.Reconciling, a => a with { JoinBatch = batch.BatchId });
        var result = await Store.WriteBatchAsync(new BatchWrite { NewBatches = [batch], Appends = [unknown] }, cancellationToken).ConfigureAwait(false);
        _logger.LogWarning("Erasure {ErasureId}: a delete request sent before shared requests may be in flight; reconciling.", record.ErasureId);
        return result == AppendResult.Appended ? Now : Refused(record, result);
    }

    /// <summary>
    /// Writes a transaction over a batch built from its members as the ledger holds them now. Only the
    /// lead changes a member in flight, but an operator may add an entry meanwhile (extending a
    /// deadline): the write is then refused as a version conflict, and is rebuilt from the members read
    /// again, a few times, while the batch itself is unchanged.
    /// </summary>
    private async Task<(AppendResult Result, IReadOnlyList<ErasureRecord> Members)> WriteForMembersAsync(
        BatchRecord batch, Func<IReadOnlyList<ErasureRecord>, BatchWrite> build, CancellationToken cancellationToken)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var members = await Store.ListBatchMembersAsync(batch.BatchId, cancellationToken).ConfigureAwait(false);
            var result = await Store.WriteBatchAsync(build(members), cancellationToken).ConfigureAwait(false);
            if (result != AppendResult.VersionConflict || attempt == Attempts
                || (await Store.FindBatchAsync(batch.BatchId, cancellationToken).ConfigureAwait(false))?.Version != batch.Version)
            {
                return (result, members);
            }
        }
    }

    private static BatchInfo Info(BatchRecord batch) => new(batch.BatchId, batch.ErasureCount, batch.ContactCount, batch.ParentBatchId);
}
