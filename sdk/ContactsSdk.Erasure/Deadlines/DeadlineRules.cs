using System;
using System.Collections.Generic;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Deadlines;

/// <summary>Reads an erasure's deadline from its ledger entries, and says whether it was met.</summary>
internal static class DeadlineRules
{
    /// <summary>
    /// Whether a deadline was met. Deleted and NoMatchingContacts (nothing to delete) meet it when the
    /// verdict was recorded on or before the due date; Restored, Invalid and FailedToStart never do (the
    /// contacts were not deleted). Null while there is no verdict, or when no due date was recorded.
    /// </summary>
    public static bool? IsMet(ErasureVerdict? verdict, DateTimeOffset? concludedAt, DateTimeOffset? dueAt) => (verdict, concludedAt, dueAt) switch
    {
        (null, _, _) or (_, null, _) or (_, _, null) => null,
        (ErasureVerdict.Deleted or ErasureVerdict.NoMatchingContacts, { } at, { } due) => at <= due,
        _ => false,
    };

    /// <summary>The deadline the entries record, or null when the submission recorded none (a ledger older than deadlines).</summary>
    public static DeadlineSummary? Summarize(IReadOnlyList<LedgerEntry> entries, ErasureVerdict? verdict, DateTimeOffset? concludedAt)
    {
        var submitted = LedgerJson.Read<SubmittedPayload>(entries[0].Payload);
        if (submitted is not { Deadline: { } regime, ReceivedAt: { } receivedAt, DueAt: { } originalDue })
        {
            return null;
        }
        var extensions = new List<DeadlineExtension>();
        foreach (var entry in entries)
        {
            if (entry.Kind == EntryKinds.DeadlineExtended)
            {
                var extended = LedgerJson.Read<DeadlineExtendedPayload>(entry.Payload);
                extensions.Add(new DeadlineExtension { At = entry.RecordedAt, PreviousDueAt = extended.PreviousDueAt, NewDueAt = extended.NewDueAt, Reason = extended.Reason });
            }
        }
        var due = extensions.Count > 0 ? extensions[^1].NewDueAt : originalDue;
        return new DeadlineSummary
        {
            Regime = regime,
            CustomDays = submitted.DeadlineDays,
            ReceivedAt = receivedAt,
            OriginalDueAt = originalDue,
            DueAt = due,
            LatestPermittedDueAt = ErasureDeadline.From(regime, submitted.DeadlineDays).LatestPermittedDueAt(receivedAt),
            Extensions = extensions,
            Met = IsMet(verdict, concludedAt, due),
        };
    }
}
