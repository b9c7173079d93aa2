using System;
using System.Collections.Generic;
using System.Numerics;
using System.Security.Cryptography;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>
/// The Merkle tree hash, inclusion proofs and consistency proofs of Certificate Transparency
/// (RFC 9162, section 2.1), over SHA-256. The ledger's leaves are its entries in append order; the
/// rules here are the ones docs/erasure-receipt.md states and an auditor reimplements.
/// </summary>
internal static class MerkleTree
{
    /// <summary>The hash of a leaf: <c>SHA-256(0x00 || data)</c>.</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var input = new byte[data.Length + 1];
        data.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    /// <summary>The hash of an inner node: <c>SHA-256(0x01 || left || right)</c>.</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + left.Length + right.Length];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The root of the tree over the first <paramref name="size"/> leaf hashes (the hash of no data for an empty tree).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, long size)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leafHashes.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? SHA256.HashData([]) : Subtree(leafHashes, 0, (int)size);
    }

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long index, long size)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leafHashes.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<byte[]>();
        AddPath(leafHashes, (int)index, 0, (int)size, path);
        return path;
    }

    /// <summary>The proof that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of <paramref name="newSize"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long oldSize, long newSize)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, leafHashes.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var proof = new List<byte[]>();
        if (oldSize < newSize)
        {
            AddSubproof(leafHashes, (int)oldSize, 0, (int)newSize, true, proof);
        }
        return proof;
    }

    /// <summary>Whether <paramref name="proof"/> shows the leaf with <paramref name="leafHash"/> at <paramref name="index"/> in the tree of <paramref name="size"/> leaves with <paramref name="root"/> (RFC 9162, 2.1.3.2).</summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= size)
        {
            return false;
        }
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>Whether <paramref name="proof"/> shows the tree (<paramref name="oldSize"/>, <paramref name="oldRoot"/>) to be a prefix of (<paramref name="newSize"/>, <paramref name="newRoot"/>) (RFC 9162, 2.1.4.2).</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize <= 0 || oldSize > newSize)
        {
            return false;
        }
        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        }
        var path = new List<byte[]>(proof);
        if (BitOperations.IsPow2(oldSize))
        {
            path.Insert(0, oldRoot.ToArray());
        }
        if (path.Count == 0)
        {
            return false;
        }
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.GetRange(1, path.Count - 1))
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2): where RFC 9162 splits a tree.</summary>
    private static int Split(int n) => (int)BitOperations.RoundUpToPowerOf2((uint)n) >> 1;

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int end)
    {
        if (end - start == 1)
        {
            return leaves[start];
        }
        var k = Split(end - start);
        return NodeHash(Subtree(leaves, start, start + k), Subtree(leaves, start + k, end));
    }

    private static void AddPath(IReadOnlyList<byte[]> leaves, int index, int start, int end, List<byte[]> path)
    {
        if (end - start == 1)
        {
            return;
        }
        var k = Split(end - start);
        if (index < k)
        {
            AddPath(leaves, index, start, start + k, path);
            path.Add(Subtree(leaves, start + k, end));
        }
        else
        {
            AddPath(leaves, index - k, start + k, end, path);
            path.Add(Subtree(leaves, start, start + k));
        }
    }

    private static void AddSubproof(IReadOnlyList<byte[]> leaves, int m, int start, int end, bool startsAtOldRoot, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!startsAtOldRoot)
            {
                proof.Add(Subtree(leaves, start, end));
            }
            return;
        }
        var k = Split(n);
        if (m <= k)
        {
            AddSubproof(leaves, m, start, start + k, startsAtOldRoot, proof);
            proof.Add(Subtree(leaves, start + k, end));
        }
        else
        {
            AddSubproof(leaves, m - k, start + k, end, false, proof);
            proof.Add(Subtree(leaves, start, start + k));
        }
    }
}
