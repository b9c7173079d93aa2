using System;
using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>Checks one erasure's chain: contiguous sequence, every hash recomputed, every link, and the row pointing at the last entry.</summary>
internal static class LedgerVerifier
{
    public static List<LedgerProblem> Check(LedgerChain chain, ErasureRecord record, IReadOnlyList<LedgerEntry> entries)
    {
        var problems = new List<LedgerProblem>();
        void Problem(long sequence, string reason) => problems.Add(new LedgerProblem(record.RequestId, record.ErasureId, sequence, reason));

        var previous = LedgerChain.Origin;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1)
            {
                Problem(i + 1, $"entry {i + 1} is missing (found entry {entry.Sequence} in its place)");
                return problems;
            }
            if (entry.PreviousHash != previous)
            {
                Problem(entry.Sequence, "its previous-hash does not match the entry before it (an entry was removed or replaced)");
            }
            if (!chain.IsIntact(entry))
            {
                Problem(entry.Sequence, $"its content does not match its hash (the '{entry.Kind}' entry was edited)");
            }
            previous = entry.Hash;
        }
        if (entries.Count != record.Version || previous != record.LastHash)
        {
            Problem(record.Version, $"the erasure row expects {record.Version} entries ending with its last hash, the ledger holds {entries.Count} (entries were removed or added)");
        }
        if (DueDateOf(entries) is var (readable, due) && (!readable || due != record.DueAt))
        {
            // The row's due date decides "met" in lists and the CSV: it must be the chain's.
            Problem(record.Version, readable
                ? "the erasure row's due date differs from the one its submitted and deadline-extended entries record (the row was edited)"
                : "its submitted or deadline-extended entries cannot be read");
        }
        return problems;
    }

    /// <summary>The due date the entries record (null when none), or unreadable.</summary>
    private static (bool Readable, DateTimeOffset? DueAt)? DueDateOf(IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Count == 0 || entries[0].Kind != EntryKinds.Submitted)
        {
            return null;
        }
        try
        {
            return (true, DeadlineRules.Summarize(entries, null, null)?.DueAt);
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }
}
