using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>Where a leaf of the ledger-wide tree comes from: an erasure's entry.</summary>
internal readonly record struct LeafSource(Guid ErasureId, long Sequence);

/// <summary>
/// The ledger-wide tree's leaves as the database holds them now: each leaf's hash recomputed from its
/// entry (never taken from a stored hash), where it came from, and the positions with no entry.
/// </summary>
internal sealed class LedgerLeaves
{
    private const int PageSize = 10_000;

    private LedgerLeaves(byte[][] hashes, LeafSource?[] sources, List<long> missing)
    {
        Hashes = hashes;
        Sources = sources;
        Missing = missing;
    }

    /// <summary>The leaf hashes by position; a missing position holds the hash of nothing, so no root over it matches.</summary>
    public IReadOnlyList<byte[]> Hashes { get; }

    /// <summary>The entry behind each position, or null where it is missing.</summary>
    public IReadOnlyList<LeafSource?> Sources { get; }

    /// <summary>The positions below the size read that have no entry, ascending.</summary>
    public IReadOnlyList<long> Missing { get; }

    public long Size => Hashes.Count;

    /// <summary>The leaf hash of an entry: RFC 9162's leaf hash of the entry's canonical bytes (the bytes its chain hash is computed over).</summary>
    public static byte[] LeafHashOf(LedgerEntry entry) =>
        MerkleTree.LeafHash(LedgerChain.CanonicalBytes(entry.ErasureId, entry.Sequence, entry.Kind, entry.RecordedAt, entry.Payload, entry.PreviousHash));

    /// <summary>Reads the first <paramref name="size"/> leaves in pages.</summary>
    public static async Task<LedgerLeaves> ReadAsync(IErasureLedgerStore store, long size, CancellationToken cancellationToken)
    {
        if (size > Array.MaxLength)
        {
            throw new NotSupportedException($"A ledger of {size} entries is larger than one process can hash in memory.");
        }
        var hashes = new byte[size][];
        var sources = new LeafSource?[size];
        var next = 0L;
        while (next < size)
        {
            var page = await store.ReadLeavesAsync(next, size, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                var index = entry.LeafIndex!.Value;
                hashes[index] = LeafHashOf(entry);
                sources[index] = new LeafSource(entry.ErasureId, entry.Sequence);
            }
            next = page.Count < PageSize ? size : page[^1].LeafIndex!.Value + 1;
        }
        var missing = new List<long>();
        var nothing = MerkleTree.LeafHash([]);
        for (var i = 0L; i < size; i++)
        {
            if (hashes[i] is null)
            {
                missing.Add(i);
                hashes[i] = nothing;
            }
        }
        return new LedgerLeaves(hashes, sources, missing);
    }
}
