using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Generated.Models;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

internal sealed partial class ErasureStepRunner
{
    private const string AnalyticsTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Margin for the clocks of this machine and Marketing Cloud disagreeing.</summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Looks the request up on the analytics delete-requests route: received since the intent, with
    /// the same contact count, not claimed by another erasure of this ledger. Exactly one such request
    /// is this erasure's; none, once the route had time to list it, proves it was not received and
    /// only then may it be sent again; several leave the erasure waiting for review (never a guess).
    /// While reconciling the erasure holds the send slot, so no other erasure of this ledger sends a
    /// request that could be mistaken for it.
    /// </summary>
    private async Task<DateTimeOffset?> ReconcileAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        var intentEntry = entries.Last(e => e.Kind == EntryKinds.IntentToSend);
        var intent = LedgerJson.Read<IntentPayload>(intentEntry.Payload);
        var sentAt = intentEntry.RecordedAt;
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
            _logger.LogWarning("Erasure {ErasureId}: the analytics route could not be read ({Kind}); trying again later.", record.ErasureId, ex.GetType().Name);
            return Now + _options.RetryDelay;
        }

        var candidates = new List<DeleteRequestDetails>();
        foreach (var request in received)
        {
            if (request.OperationId is { } id && request.TotalContactCount == intent.ContactCount
                && ReceivedAt(request) is { } at && at >= windowStart
                && !await Store.IsOperationClaimedAsync(id, cancellationToken).ConfigureAwait(false))
            {
                candidates.Add(request);
            }
        }

        if (candidates.Count == 1)
        {
            var match = candidates[0];
            var payload = new ReconciledPayload(match.OperationId!.Value, match.ReceivedDateUtc, match.TotalContactCount, match.Status, received.Count);
            _logger.LogInformation("Erasure {ErasureId}: reconciled with operation {OperationId}.", record.ErasureId, match.OperationId);
            return await RecordAcceptanceAsync(record, EntryKinds.Reconciled, payload, match.OperationId.Value).ConfigureAwait(false);
        }
        if (candidates.Count > 1)
        {
            _logger.LogError(
                "Erasure {ErasureId}: {Count} received requests match it; it will not be resent nor guessed. Review it against the analytics route.",
                record.ErasureId, candidates.Count);
            return Now + _options.MaxPollInterval;
        }
        var settledAt = sentAt + _options.ReconcileSettleTime;
        if (checkedAt < settledAt)
        {
            return settledAt;
        }
        var notReceived = new NotReceivedPayload(Format(windowStart), Format(windowEnd), received.Count);
        var (result, _) = await _ledger.AppendAsync(record, EntryKinds.NotReceived, notReceived, ErasureState.ReadyToSend,
            a => a with { SendSlot = SendSlotChange.Release }, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Erasure {ErasureId}: the delete request was not received; it will be sent again.", record.ErasureId);
        return result == AppendResult.Appended ? Now : Refused(record, result);
    }

    /// <summary>The route's dates are UTC without an offset: read them as UTC, never in the machine's zone.</summary>
    private static DateTimeOffset? ReceivedAt(DeleteRequestDetails request) =>
        DateTimeOffset.TryParse(request.ReceivedDateUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static DateTimeOffset TruncateToMinute(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(AnalyticsTimeFormat, CultureInfo.InvariantCulture);
}
