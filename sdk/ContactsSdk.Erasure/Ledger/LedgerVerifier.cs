using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>
/// Checks one erasure's chain (contiguous sequence, every hash recomputed, every link, the row pointing
/// at the last entry) and every column of its row against what the chain says.
/// </summary>
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
        problems.AddRange(RowProblems(record, entries));
        return problems;
    }

    /// <summary>Every column of the row that differs from what the entries say, named (the row was edited).</summary>
    private static IEnumerable<LedgerProblem> RowProblems(ErasureRecord record, IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Count == 0 || entries[0].Kind != EntryKinds.Submitted)
        {
            return [new LedgerProblem(record.RequestId, record.ErasureId, 1, "its first entry is not its submission, so its row cannot be checked")];
        }
        ErasureRecord chain;
        try
        {
            chain = ChainProjection.Project(record.ErasureId, entries);
        }
        catch (JsonException)
        {
            return [new LedgerProblem(record.RequestId, record.ErasureId, record.Version, "its entries cannot be read, so its row cannot be checked")];
        }
        return ChainProjection.Differences(record, chain).Select(d => new LedgerProblem(record.RequestId, record.ErasureId, record.Version,
            $"the erasure row's {d.Column} is {d.Stored}, its entries say {d.Chain} (the row was edited)") { Column = d.Column });
    }
}
