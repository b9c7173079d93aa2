using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>Signs digests with the key ring's current key, and checks a digest's signature.</summary>
internal static class DigestSignature
{
    public static LedgerDigest Sign(DigestSigningKey key, long treeSize, byte[] root, DateTimeOffset issuedAt, IReadOnlyList<string> tiles)
    {
        var unsigned = new LedgerDigest(treeSize, Convert.ToHexStringLower(root), DateTimeOffset.FromUnixTimeMilliseconds(issuedAt.ToUnixTimeMilliseconds()), key.KeyId, string.Empty);
        return unsigned with { Signature = Convert.ToBase64String(key.Sign(unsigned.SignedBytes)), TileHashes = tiles };
    }

    /// <summary>What is wrong with the digest's signature under <paramref name="key"/> (the ring's key with the digest's ID, or null); empty when it holds.</summary>
    public static IEnumerable<string> Problems(LedgerDigest digest, DigestSigningKey? key)
    {
        if (key is null)
        {
            yield return $"the digest is signed with key '{digest.KeyId}', which is not in the digest key ring: it cannot be trusted";
            yield break;
        }
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(digest.Signature);
        }
        catch (FormatException)
        {
            signature = [];
        }
        if (signature.Length == 0 || !key.Verifies(digest.SignedBytes, signature))
        {
            yield return $"the digest's signature does not verify with key '{digest.KeyId}' (the digest was forged or edited)";
        }
    }
}
