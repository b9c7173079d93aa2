using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>
/// The positions of the ledger-wide tree, as a whole-ledger check finds them taken by entries: every
/// position below the tree's size must be taken exactly once. One left free means an entry was deleted
/// from the database, even with its whole erasure; one taken twice or none at all means an entry was
/// written by hand.
/// </summary>
internal sealed class LeafPlaces
{
    private readonly BitArray _taken;

    public LeafPlaces(long treeSize)
    {
        if (treeSize > int.MaxValue)
        {
            throw new NotSupportedException($"A ledger of {treeSize} entries is larger than one check can follow.");
        }
        _taken = new BitArray((int)treeSize);
    }

    /// <summary>Takes the positions of an erasure's entries; the problems of those that have none, or another's.</summary>
    public IEnumerable<LedgerProblem> Take(ErasureRecord record, IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.LeafIndex is not { } index)
            {
                yield return new LedgerProblem(record.RequestId, record.ErasureId, entry.Sequence, "it has no place in the ledger-wide tree (it was not written by the library)");
            }
            else if (index < _taken.Length)
            {
                if (_taken[(int)index])
                {
                    yield return new LedgerProblem(record.RequestId, record.ErasureId, entry.Sequence, $"its place {index} in the ledger-wide tree is another entry's too (it was written by hand)");
                }
                _taken[(int)index] = true;
            }
        }
    }

    /// <summary>One problem naming the positions no entry took (their entries were deleted), if any.</summary>
    public IEnumerable<LedgerProblem> Unclaimed()
    {
        var free = new List<long>();
        for (var i = 0; i < _taken.Length; i++)
        {
            if (!_taken[i])
            {
                free.Add(i);
            }
        }
        return free.Count == 0
            ? []
            : [new LedgerProblem("(none)", Guid.Empty, 0, $"the ledger-wide tree has no entry at {LedgerAnchor.Describe(free)} of its {_taken.Length}: entries were deleted from the database (a whole erasure, or an erasure's last entries)")];
    }
}
