using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>What checking the ledger against an earlier digest found.</summary>
public sealed record DigestVerification
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal DigestVerification(LedgerDigest digest, long ledgerTreeSize, string currentRootHash, IReadOnlyList<string> consistencyProof, IReadOnlyList<string> problems)
    {
        Digest = digest;
        LedgerTreeSize = ledgerTreeSize;
        CurrentRootHash = currentRootHash;
        ConsistencyProof = consistencyProof;
        Problems = problems;
    }

    /// <summary>The digest checked against.</summary>
    public LedgerDigest Digest { get; init; }

    /// <summary>How many entries the ledger's tree holds now.</summary>
    public long LedgerTreeSize { get; init; }

    /// <summary>The root of the tree over all of them now (lower-case hex).</summary>
    public string CurrentRootHash { get; init; }

    /// <summary>When the ledger still holds the digest's entries unchanged: the RFC 9162 proof that the digest's tree is a prefix of the tree now, for someone holding the digest and a later one. Empty otherwise.</summary>
    public IReadOnlyList<string> ConsistencyProof { get; init; }

    /// <summary>What is missing or changed, each named; empty when the ledger still holds everything the digest covered.</summary>
    public IReadOnlyList<string> Problems { get; init; }

    /// <summary>True when the digest's signature holds and the ledger still holds every entry it covered, unchanged.</summary>
    public bool IsConsistent => Problems.Count == 0;
}
