using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Workflow;

namespace ContactsSdk.Erasure;

// A person's part in reconciliation: the shared requests waiting for a decision, and the decision.
internal sealed partial class ErasureService
{
    private const int DecideAttempts = 5;

    public async Task<IReadOnlyList<PendingReconciliation>> ListPendingReconciliationsAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<PendingReconciliation>();
        var batches = new HashSet<Guid>();
        await foreach (var record in Store.ReadAllAsync(new ErasureListQuery { ActiveOnly = true, PageSize = ErasureListQuery.MaxPageSize }, cancellationToken).ConfigureAwait(false))
        {
            if (record is { State: ErasureState.Reconciling, BatchId: { } batchId } && batches.Add(batchId)
                && await PendingOfAsync(batchId, cancellationToken).ConfigureAwait(false) is { } waiting)
            {
                pending.Add(waiting);
            }
        }
        return pending;
    }

    public async Task ResolveReconciliationAsync(string requestId, long? operationId, string decidedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        for (var attempt = 0; attempt < DecideAttempts; attempt++)
        {
            var record = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
            var pending = record.BatchId is { } batchId ? await PendingOfAsync(batchId, cancellationToken).ConfigureAwait(false) : null;
            if (pending is null)
            {
                throw new InvalidOperationException($"Erasure '{requestId}' has no reconciliation waiting for a decision (it is {record.State}).");
            }
            if (operationId is { } chosen && !pending.CandidateOperationIds.Contains(chosen))
            {
                throw new ArgumentException($"Operation {chosen} is not one of the candidates of erasure '{requestId}' ({string.Join(", ", pending.CandidateOperationIds)}).", nameof(operationId));
            }
            var lead = await Store.FindAsync((await Store.FindBatchAsync(pending.BatchId, cancellationToken).ConfigureAwait(false))!.LeadErasureId, cancellationToken).ConfigureAwait(false);
            var payload = new DecidedPayload(pending.BatchId, operationId, decidedBy, pending.CandidateOperationIds);
            var (result, _) = await _ledger.AppendAsync(lead!, EntryKinds.ReconciliationDecided, payload, lead!.State, null, cancellationToken).ConfigureAwait(false);
            if (result == AppendResult.Appended)
            {
                // The lead applies the decision at once, not at its next look an hour later.
                await _wakeups.ScheduleAsync(lead.ErasureId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return;
            }
            // The lead wrote meanwhile: read again and decide again.
        }
        throw new ErasureLedgerException($"Erasure '{requestId}' kept changing while the decision was being recorded; nothing was written. Try again.");
    }

    private async Task<PendingReconciliation?> PendingOfAsync(Guid batchId, CancellationToken cancellationToken)
    {
        if (await Store.FindBatchAsync(batchId, cancellationToken).ConfigureAwait(false) is not { State: BatchState.Reconciling } batch
            || await Store.FindAsync(batch.LeadErasureId, cancellationToken).ConfigureAwait(false) is not { } lead)
        {
            return null;
        }
        var review = ReconciliationReview.Of(await Store.ReadEntriesAsync(lead.ErasureId, cancellationToken).ConfigureAwait(false));
        if (!review.IsPending)
        {
            return null;
        }
        var members = await Store.ListBatchMembersAsync(batchId, cancellationToken).ConfigureAwait(false);
        return new PendingReconciliation
        {
            RequestId = lead.RequestId,
            BatchId = batchId,
            Members = [.. members.Select(m => m.RequestId)],
            ContactCount = review.Pending!.ContactCount,
            CandidateOperationIds = review.Pending.CandidateOperationIds,
            Since = review.Since!.Value,
        };
    }
}
