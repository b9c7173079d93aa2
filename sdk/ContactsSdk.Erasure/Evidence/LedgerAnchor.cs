using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>
/// Anchors the ledger: issues signed digests of the ledger-wide Merkle tree, checks the ledger against
/// an earlier digest, and proves a receipt to be one of a digest's leaves. Every hash is recomputed from
/// the entries the database holds now; nothing stored is trusted.
/// </summary>
internal sealed class LedgerAnchor
{
    private readonly IErasureLedgerStore _store;
    private readonly DigestKeyRing _keys;
    private readonly TimeProvider _time;

    public LedgerAnchor(IErasureLedgerStore store, DigestKeyRing keys, TimeProvider time)
    {
        _store = store;
        _keys = keys;
        _time = time;
    }

    /// <summary>Signs a digest of every entry the ledger holds now.</summary>
    /// <exception cref="InvalidOperationException">No key can sign, or entries below the tree's size are missing (a digest must not cover a hole).</exception>
    public async Task<LedgerDigest> IssueAsync(CancellationToken cancellationToken)
    {
        var key = _keys.Current ?? throw new InvalidOperationException(
            "No digest signing key is configured (ErasureOptions.DigestSigningKeys): a digest must be signed so that it can be checked without the ledger's secrets.");
        var size = await _store.ReadTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        var leaves = await LedgerLeaves.ReadAsync(_store, size, cancellationToken).ConfigureAwait(false);
        if (leaves.Missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The ledger has no entry at {Describe(leaves.Missing)} of its {size} positions: entries were deleted from the database. Verify it; no digest is issued over a hole.");
        }
        return DigestSignature.Sign(key, size, MerkleTree.Root(leaves.Hashes, size), _time.GetUtcNow(), TileHashes(leaves.Hashes, size));
    }

    /// <summary>Checks that the ledger still holds every entry <paramref name="digest"/> covered, unchanged, and names what is not.</summary>
    public async Task<DigestVerification> VerifyAsync(LedgerDigest digest, CancellationToken cancellationToken)
    {
        var problems = DigestSignature.Problems(digest, _keys.Find(digest.KeyId)).ToList();
        var size = await _store.ReadTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        var leaves = await LedgerLeaves.ReadAsync(_store, Math.Max(size, digest.TreeSize), cancellationToken).ConfigureAwait(false);
        if (size < digest.TreeSize)
        {
            problems.Add($"the ledger's tree holds {size} entries, the digest covers {digest.TreeSize}: the ledger is older than the digest (an earlier copy of the database was put back) or its counter was set back");
        }
        var missing = leaves.Missing.Where(p => p < digest.TreeSize).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"the ledger has no entry at {Describe(missing)}, which the digest covers: those entries were deleted");
        }
        var covered = MerkleTree.Root(leaves.Hashes, digest.TreeSize);
        var consistent = Convert.ToHexStringLower(covered) == digest.RootHash;
        if (!consistent)
        {
            problems.AddRange(await ChangedTilesAsync(digest, leaves, cancellationToken).ConfigureAwait(false));
        }
        var current = MerkleTree.Root(leaves.Hashes, size);
        var proof = consistent && digest.TreeSize > 0 && size >= digest.TreeSize
            ? MerkleTree.ConsistencyProof(leaves.Hashes, digest.TreeSize, size).Select(Convert.ToHexStringLower).ToList()
            : [];
        return new DigestVerification(digest, size, Convert.ToHexStringLower(current), proof, problems);
    }

    /// <summary>The standalone evidence of a closed erasure's receipt, under a digest issued now.</summary>
    /// <exception cref="InvalidOperationException">The erasure has no receipt yet, or no key can sign.</exception>
    public async Task<ReceiptEvidence> EvidenceAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var entries = await _store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        var receipt = entries.LastOrDefault(e => e.Kind == EntryKinds.Receipt)
            ?? throw new InvalidOperationException($"Erasure '{record.RequestId}' has no receipt yet (it is {record.State}).");
        var digest = await IssueAsync(cancellationToken).ConfigureAwait(false);
        var leaves = await LedgerLeaves.ReadAsync(_store, digest.TreeSize, cancellationToken).ConfigureAwait(false);
        var index = receipt.LeafIndex ?? throw new InvalidOperationException($"The receipt of erasure '{record.RequestId}' has no place in the ledger's tree.");
        var proof = MerkleTree.InclusionProof(leaves.Hashes, index, digest.TreeSize).Select(Convert.ToHexStringLower).ToList();
        return new ReceiptEvidence(receipt.Payload, receipt.ErasureId, receipt.Sequence, receipt.RecordedAt, receipt.PreviousHash, index, proof, digest with { TileHashes = [] });
    }

    /// <summary>Each run of <see cref="LedgerDigest.TileSize"/> leaves whose hash differs from the digest's, with the erasures whose entries are there now.</summary>
    private async Task<IEnumerable<string>> ChangedTilesAsync(LedgerDigest digest, LedgerLeaves leaves, CancellationToken cancellationToken)
    {
        var tiles = digest.TileHashes;
        var expectedTiles = (int)((digest.TreeSize + LedgerDigest.TileSize - 1) / LedgerDigest.TileSize);
        if (tiles.Count != expectedTiles || Convert.ToHexStringLower(MerkleTree.Root(tiles.Select(Convert.FromHexString).ToList(), tiles.Count)) != digest.RootHash)
        {
            return [$"the first {digest.TreeSize} entries of the ledger no longer hash to the digest's root: an entry it covered was changed, removed, reordered or moved (the digest carries no valid tile hashes to say where)"];
        }
        var problems = new List<string>();
        var requestIds = new Dictionary<Guid, string>();
        for (var tile = 0; tile < tiles.Count; tile++)
        {
            var start = (long)tile * LedgerDigest.TileSize;
            var end = Math.Min(start + LedgerDigest.TileSize, digest.TreeSize);
            if (Convert.ToHexStringLower(MerkleTree.Root([.. leaves.Hashes.Skip((int)start).Take((int)(end - start))], end - start)) == tiles[tile])
            {
                continue;
            }
            var erasures = new List<string>();
            foreach (var group in leaves.Sources.Skip((int)start).Take((int)(end - start)).OfType<LeafSource>().GroupBy(s => s.ErasureId))
            {
                erasures.Add($"'{await RequestIdAsync(group.Key, requestIds, cancellationToken).ConfigureAwait(false)}' (entries {string.Join(", ", group.Select(s => s.Sequence))})");
            }
            problems.Add($"the entries at positions {start}–{end - 1} differ from the digest (changed, removed, reordered or moved); they now hold {(erasures.Count == 0 ? "nothing" : string.Join("; ", erasures))}");
        }
        return problems;
    }

    private async Task<string> RequestIdAsync(Guid erasureId, Dictionary<Guid, string> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(erasureId, out var requestId))
        {
            requestId = (await _store.FindAsync(erasureId, cancellationToken).ConfigureAwait(false))?.RequestId ?? $"no erasure row, ID {erasureId}";
            known[erasureId] = requestId;
        }
        return requestId;
    }

    private static List<string> TileHashes(IReadOnlyList<byte[]> leaves, long size)
    {
        var tiles = new List<string>();
        for (var start = 0L; start < size; start += LedgerDigest.TileSize)
        {
            var count = Math.Min(LedgerDigest.TileSize, size - start);
            tiles.Add(Convert.ToHexStringLower(MerkleTree.Root([.. leaves.Skip((int)start).Take((int)count)], count)));
        }
        return tiles;
    }

    /// <summary>Positions as ranges ("positions 40–47 and 90"), at most ten ranges named.</summary>
    internal static string Describe(IReadOnlyList<long> positions)
    {
        var ranges = new List<string>();
        var i = 0;
        while (i < positions.Count && ranges.Count < 10)
        {
            var j = i;
            while (j + 1 < positions.Count && positions[j + 1] == positions[j] + 1)
            {
                j++;
            }
            ranges.Add(i == j ? positions[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{positions[i]}–{positions[j]}"));
            i = j + 1;
        }
        var more = i < positions.Count ? " and more" : string.Empty;
        return $"position{(positions.Count == 1 ? string.Empty : "s")} {string.Join(", ", ranges)}{more}";
    }
}
