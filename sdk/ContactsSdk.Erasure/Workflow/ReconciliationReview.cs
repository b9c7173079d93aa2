using System;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// Where a batch lead's ambiguous reconciliation stands, read from its entries since its last intent to
/// send: no ambiguity, waiting for a person (the candidates), or decided (the decision).
/// </summary>
internal sealed record ReconciliationReview(AmbiguousPayload? Pending, DecidedPayload? Decision, DateTimeOffset? Since)
{
    public static ReconciliationReview Of(IReadOnlyList<LedgerEntry> leadEntries)
    {
        var sinceIntent = leadEntries.Skip(LastIndexOf(leadEntries, EntryKinds.IntentToSend) + 1).ToList();
        var ambiguous = sinceIntent.LastOrDefault(e => e.Kind == EntryKinds.ReconciliationAmbiguous);
        var decided = sinceIntent.LastOrDefault(e => e.Kind == EntryKinds.ReconciliationDecided);
        return new ReconciliationReview(
            ambiguous is null ? null : LedgerJson.Read<AmbiguousPayload>(ambiguous.Payload),
            decided is null ? null : LedgerJson.Read<DecidedPayload>(decided.Payload),
            ambiguous?.RecordedAt);
    }

    /// <summary>Waiting for a person: candidates recorded, no decision yet.</summary>
    public bool IsPending => Pending is not null && Decision is null;

    /// <summary>Whether the candidates found now are the ones already recorded (no new entry needed).</summary>
    public bool Recorded(IEnumerable<long> candidates) => Pending is { } pending && pending.CandidateOperationIds.Order().SequenceEqual(candidates.Order());

    private static int LastIndexOf(IReadOnlyList<LedgerEntry> entries, string kind)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Kind == kind)
            {
                return i;
            }
        }
        return -1;
    }
}
