using System;
using System.Collections.Generic;
using System.Globalization;
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
    private const string AnalyticsTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Margin for the clocks of this machine and Marketing Cloud disagreeing.</summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Looks the batch's request up on the analytics delete-requests route: received since the intent,
    /// with the same contact count, not claimed by another request of this ledger. Exactly one such
    /// request is the batch's; none, once the route had time to list it, proves it was not received and
    /// only then may its erasures be sent again; several leave the batch waiting for review (never a
    /// guess). While reconciling the batch holds the send slot, so no other request of this ledger goes
    /// out that could be mistaken for it.
    /// </summary>
    private async Task<StepOutcome> ReconcileAsync(BatchRecord batch, IReadOnlyList<ErasureRecord> members, CancellationToken cancellationToken)
    {
        var lead = members.Single(m => m.ErasureId == batch.LeadErasureId);
        var entries = await Store.ReadEntriesAsync(lead.ErasureId, cancellationToken).ConfigureAwait(false);
        var sentAt = entries.Last(e => e.Kind == EntryKinds.IntentToSend).RecordedAt;
        var review = ReconciliationReview.Of(entries);
        if (review.Decision is { } decision)
        {
            return await ApplyDecisionAsync(batch, members, decision, sentAt, cancellationToken).ConfigureAwait(false);
        }
        var windowStart = TruncateToMinute(sentAt) - ClockMargin;
        var checkedAt = Now;
        var windowEnd = TruncateToMinute(checkedAt) + ClockMargin + TimeSpan.FromMinutes(1);

        IReadOnlyList<DeleteRequestDetails> received;
        try
        {
            received = await _client.ListDeleteRequestsAsync(windowStart, windowEnd, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Batch {BatchId}: the analytics route could not be read ({Kind}); trying again later.", batch.BatchId, ex.GetType().Name);
            return StepOutcome.At(Now + _options.RetryDelay);
        }

        var candidates = new List<DeleteRequestDetails>();
        foreach (var request in received)
        {
            if (request.OperationId is { } id && request.TotalContactCount == batch.ContactCount
                && ReceivedAt(request) is { } at && at >= windowStart
                && !await Store.IsOperationClaimedByOtherAsync(id, batch.BatchId, cancellationToken).ConfigureAwait(false))
            {
                candidates.Add(request);
            }
        }

        if (candidates.Count == 1)
        {
            var match = candidates[0];
            var operationId = match.OperationId!.Value;
            _logger.LogInformation("Batch {BatchId}: reconciled with operation {OperationId}.", batch.BatchId, operationId);
            return await RecordAcceptanceAsync(batch, members, EntryKinds.Reconciled,
                info => new ReconciledPayload(operationId, match.ReceivedDateUtc, match.TotalContactCount, match.Status, received.Count, info),
                operationId).ConfigureAwait(false);
        }
        if (candidates.Count > 1)
        {
            _logger.LogError(
                "Batch {BatchId}: {Count} received requests match it; it will not be resent nor guessed. It waits for a person to name the right one (ResolveReconciliationAsync).",
                batch.BatchId, candidates.Count);
            var ids = candidates.Select(c => c.OperationId!.Value).ToList();
            if (!review.Recorded(ids))
            {
                // Recorded once per set of candidates, so the pending list shows it; a conflicting write is recorded at the next look.
                await _ledger.AppendAsync(lead, EntryKinds.ReconciliationAmbiguous, new AmbiguousPayload(batch.BatchId, batch.ContactCount, ids), lead.State, null, cancellationToken)
                    .ConfigureAwait(false);
            }
            return StepOutcome.At(Now + _options.MaxPollInterval);
        }
        var settledAt = sentAt + _options.ReconcileSettleTime;
        if (checkedAt < settledAt)
        {
            return StepOutcome.At(settledAt);
        }
        _logger.LogInformation("Batch {BatchId}: the delete request was not received; its erasures will be sent again.", batch.BatchId);
        var notReceived = new NotReceivedPayload(Format(windowStart), Format(windowEnd), received.Count, batch.BatchId);
        return await DissolveAsync(batch, members, EntryKinds.NotReceived, notReceived, Now, handOn: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies a person's decision: the operation they named becomes the batch's (unless another request of
    /// this ledger claimed it meanwhile: then it waits again, never guessing), or, when they said none is,
    /// the request counts as not received and its erasures are sent again.
    /// </summary>
    private async Task<StepOutcome> ApplyDecisionAsync(
        BatchRecord batch, IReadOnlyList<ErasureRecord> members, DecidedPayload decision, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (decision.OperationId is not { } operationId)
        {
            _logger.LogWarning("Batch {BatchId}: a person decided that no received request is its own; its erasures will be sent again.", batch.BatchId);
            var notReceived = new NotReceivedPayload(Format(sentAt), Format(Now), 0, batch.BatchId);
            return await DissolveAsync(batch, members, EntryKinds.NotReceived, notReceived, Now, handOn: true).ConfigureAwait(false);
        }
        if (await Store.IsOperationClaimedByOtherAsync(operationId, batch.BatchId, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogError("Batch {BatchId}: the operation a person named, {OperationId}, is claimed by another request; it waits for another decision.", batch.BatchId, operationId);
            return StepOutcome.At(Now + _options.MaxPollInterval);
        }
        _logger.LogInformation("Batch {BatchId}: reconciled with operation {OperationId} by a person's decision.", batch.BatchId, operationId);
        return await RecordAcceptanceAsync(batch, members, EntryKinds.Reconciled,
            info => new ReconciledPayload(operationId, null, batch.ContactCount, null, 0, info), operationId).ConfigureAwait(false);
    }

    /// <summary>The route's dates are UTC without an offset: read them as UTC, never in the machine's zone.</summary>
    private static DateTimeOffset? ReceivedAt(DeleteRequestDetails request) =>
        DateTimeOffset.TryParse(request.ReceivedDateUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static DateTimeOffset TruncateToMinute(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(AnalyticsTimeFormat, CultureInfo.InvariantCulture);
}
