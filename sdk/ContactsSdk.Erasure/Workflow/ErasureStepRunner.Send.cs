using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

internal sealed partial class ErasureStepRunner
{
    /// <summary>
    /// The most erasures one batch takes: one ledger transaction writes an entry for each, so it stays
    /// bounded whatever <see cref="ErasureOptions.MaxContactsPerDeleteRequest"/> allows.
    /// </summary>
    internal const int MaxErasuresPerBatch = 5_000;

    /// <summary>
    /// An erasure ready to send. Marketing Cloud processes one delete call at a time, so while this
    /// application's requests fill the MID's share of its queue (<see cref="ErasureOptions.MaxDeleteRequestsInQueue"/>)
    /// nothing is sent: erasures gather for the next request. Otherwise the erasures ready to send for the
    /// same MID and subject kind, longest waiting first, form one batch up to
    /// <see cref="ErasureOptions.MaxContactsPerDeleteRequest"/> contacts: every member records its intent,
    /// and the batch takes the send slot, in one transaction. The lead then sends it.
    /// </summary>
    private async Task<StepOutcome> SendAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        if (await Store.CountBatchesInQueueAsync(record.AccountId, cancellationToken).ConfigureAwait(false) >= _options.MaxDeleteRequestsInQueue)
        {
            var ahead = await Store.CountWaitingToSendAheadAsync(record, cancellationToken).ConfigureAwait(false);
            return StepOutcome.At(Now + SendQueue.LookAfter(_options.QueueCheckInterval, ahead));
        }
        var candidates = await Store.ReadSendCandidatesAsync(record.AccountId, record.SubjectKind, MaxErasuresPerBatch, cancellationToken).ConfigureAwait(false);
        var members = TakeWithinLimit(candidates, _options.MaxContactsPerDeleteRequest);
        if (members.Count == 0)
        {
            return StepOutcome.At(Refused(record, AppendResult.VersionConflict));
        }
        await _checkpoints.ReachedAsync(ErasureCheckpoint.DuringBatchFormation, record.ErasureId).ConfigureAwait(false);

        var lead = members.Any(m => m.Record.ErasureId == record.ErasureId) ? record.ErasureId : members[0].Record.ErasureId;
        var contacts = DistinctSubjects(members).Count;
        var batch = new BatchRecord
        {
            BatchId = Guid.NewGuid(),
            AccountId = record.AccountId,
            SubjectKind = record.SubjectKind,
            State = BatchState.Formed,
            ErasureCount = members.Count,
            ContactCount = contacts,
            LeadErasureId = lead,
            CreatedAt = Now,
            UpdatedAt = Now,
            Version = 1,
        };
        var written = await WriteIntentsAsync(batch, members, cancellationToken).ConfigureAwait(false);
        if (written == AppendResult.SendSlotBusy)
        {
            return StepOutcome.At(await NextLookAtSendSlotAsync(record, cancellationToken).ConfigureAwait(false));
        }
        if (written != AppendResult.Appended)
        {
            return StepOutcome.At(Refused(record, written));
        }
        _logger.LogInformation("Batch {BatchId}: {Erasures} erasures with {Contacts} contacts share one delete request.", batch.BatchId, members.Count, contacts);
        await _checkpoints.ReachedAsync(ErasureCheckpoint.AfterIntent, record.ErasureId).ConfigureAwait(false);
        if (lead == record.ErasureId)
        {
            return StepOutcome.At(Now);
        }
        // An older erasure leads; this one waits for it (the lead wakes the members when the request settles).
        return StepOutcome.At(Now + _options.MaxPollInterval).Waking(lead, Now);
    }

    /// <summary>Records every member's intent, creates the batch and takes the send slot for it, all in one transaction.</summary>
    private Task<AppendResult> WriteIntentsAsync(BatchRecord batch, IReadOnlyList<SendCandidate> members, CancellationToken cancellationToken)
    {
        var info = new BatchInfo(batch.BatchId, batch.ErasureCount, batch.ContactCount, batch.ParentBatchId);
        var deleteType = batch.SubjectKind == SubjectKind.ContactIds ? "ids" : "keys";
        var appends = members
            .Select(m => _ledger.Prepare(m.Record, EntryKinds.IntentToSend, new IntentPayload(null, deleteType, m.Subjects.Count, info), ErasureState.Sending,
                a => a with { JoinBatch = batch.BatchId }))
            .ToList();
        return Store.WriteBatchAsync(new BatchWrite { NewBatches = [batch], Appends = appends, AcquireSendSlotFor = batch.BatchId }, cancellationToken);
    }

    /// <summary>The longest waiting candidates whose contacts fit in one request (the first always rides, even alone above the limit).</summary>
    private static List<SendCandidate> TakeWithinLimit(IReadOnlyList<SendCandidate> candidates, int maxContacts)
    {
        var members = new List<SendCandidate>();
        var contacts = 0;
        foreach (var candidate in candidates)
        {
            if (members.Count > 0 && contacts + candidate.Subjects.Count > maxContacts)
            {
                break;
            }
            members.Add(candidate);
            contacts += candidate.Subjects.Count;
        }
        return members;
    }

    /// <summary>The contacts a request carries: every member's, each once (two erasures may name the same contact).</summary>
    private static List<string> DistinctSubjects(IEnumerable<SendCandidate> members) =>
        members.SelectMany(m => m.Subjects).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// When an erasure that cannot send yet looks again: after <see cref="ErasureOptions.SendSlotRetryDelay"/>
    /// times one plus the number of erasures that have waited longer. The request that settles wakes the
    /// erasure that has waited longest, so the queue moves at the pace of the sends; these looks are the
    /// fallback (a worker that died between settling and waking the next), and spacing them by place in
    /// the queue keeps thousands of waiting erasures from polling the ledger many times a second.
    /// </summary>
    private async Task<DateTimeOffset> NextLookAtSendSlotAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var ahead = await Store.CountWaitingToSendAheadAsync(record, cancellationToken).ConfigureAwait(false);
        return Now + SendQueue.LookAfter(_options.SendSlotRetryDelay, ahead);
    }
}
