using System;
using System.Collections.Generic;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>
/// The erasure row its entries imply: every column that lists, the CSV and receipts show, replayed
/// from the chain alone with the same rules the workflow applies when it appends. Verification
/// compares the stored row with it, so an edited row cannot show what the chain does not say.
/// </summary>
internal static class ChainProjection
{
    /// <summary>The row after <paramref name="entries"/>; throws <see cref="System.Text.Json.JsonException"/> for an unreadable payload.</summary>
    public static ErasureRecord Project(Guid erasureId, IReadOnlyList<LedgerEntry> entries)
    {
        var first = entries[0];
        var submitted = LedgerJson.Read<SubmittedPayload>(first.Payload);
        var row = new ErasureRecord(erasureId, submitted.RequestId, submitted.AccountId is { } mid ? new AccountId(mid) : null, submitted.SubjectKind, submitted.SubjectCount,
            submitted.SubjectKind == SubjectKind.EmailAddresses ? ErasureState.Submitted : ErasureState.ReadyToSend,
            null, null, first.RecordedAt, first.RecordedAt, null, first.Sequence, first.Hash);
        for (var i = 1; i < entries.Count; i++)
        {
            row = Apply(row, entries[i]) with { UpdatedAt = entries[i].RecordedAt, Version = entries[i].Sequence, LastHash = entries[i].Hash };
        }
        return row with { DueAt = DeadlineRules.Summarize(entries, null, null)?.DueAt };
    }

    private static ErasureRecord Apply(ErasureRecord row, LedgerEntry entry) => entry.Kind switch
    {
        EntryKinds.Resolved when LedgerJson.Read<ResolvedPayload>(entry.Payload).ContactKeyCount == 0 =>
            Conclude(row, ErasureVerdict.NoMatchingContacts, entry),
        EntryKinds.Resolved or EntryKinds.NotProcessed or EntryKinds.NotReceived =>
            // Not processed and not received dissolve the request: the erasure leaves its batch.
            row with { State = ErasureState.ReadyToSend, BatchId = entry.Kind == EntryKinds.Resolved ? row.BatchId : null },
        EntryKinds.IntentToSend =>
            row with { State = ErasureState.Sending, BatchId = LedgerJson.Read<IntentPayload>(entry.Payload).Batch?.BatchId ?? row.BatchId },
        EntryKinds.RefusedInBatch =>
            row with { State = ErasureState.Sending, BatchId = LedgerJson.Read<RefusedInBatchPayload>(entry.Payload).NextBatchId },
        EntryKinds.OutcomeUnknown =>
            row with { State = ErasureState.Reconciling, BatchId = LedgerJson.Read<FailurePayload>(entry.Payload).BatchId ?? row.BatchId },
        EntryKinds.Accepted =>
            row with { State = ErasureState.Accepted, OperationId = LedgerJson.Read<AcceptedPayload>(entry.Payload).OperationId },
        EntryKinds.Reconciled =>
            row with { State = ErasureState.Accepted, OperationId = LedgerJson.Read<ReconciledPayload>(entry.Payload).OperationId },
        EntryKinds.Observed or EntryKinds.PollFailed => row with { State = ErasureState.Accepted },
        EntryKinds.Refused => Conclude(row, ErasureVerdict.FailedToStart, entry),
        EntryKinds.Verdict => Conclude(row, LedgerJson.Read<VerdictPayload>(entry.Payload).Verdict, entry),
        EntryKinds.Receipt => row with { State = ErasureState.Closed },
        // request-processed and deadline-extended leave the state as it is (the due date is read at the end).
        _ => row,
    };

    private static ErasureRecord Conclude(ErasureRecord row, ErasureVerdict verdict, LedgerEntry entry) =>
        row with { State = ErasureState.Concluded, Verdict = verdict, ConcludedAt = entry.RecordedAt };

    /// <summary>Each column whose stored value differs from the chain's: its name, the stored value, the chain's value.</summary>
    public static IEnumerable<(string Column, string Stored, string Chain)> Differences(ErasureRecord stored, ErasureRecord chain)
    {
        var columns = new (string Name, object? Stored, object? Chain)[]
        {
            ("request_id", stored.RequestId, chain.RequestId),
            ("account_id", stored.AccountId, chain.AccountId),
            ("subject_kind", stored.SubjectKind, chain.SubjectKind),
            ("subject_count", stored.SubjectCount, chain.SubjectCount),
            ("state", stored.State, chain.State),
            ("verdict", stored.Verdict, chain.Verdict),
            ("operation_id", stored.OperationId, chain.OperationId),
            ("submitted_at", stored.SubmittedAt, chain.SubmittedAt),
            ("updated_at", stored.UpdatedAt, chain.UpdatedAt),
            ("concluded_at", stored.ConcludedAt, chain.ConcludedAt),
            ("due_at", stored.DueAt, chain.DueAt),
            ("batch_id", stored.BatchId, chain.BatchId),
        };
        foreach (var (name, storedValue, chainValue) in columns)
        {
            if (!Equals(storedValue, chainValue))
            {
                yield return (name, Show(storedValue), Show(chainValue));
            }
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "empty",
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "empty",
    };
}
