using System.Collections.Generic;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>What checking the ledger against an earlier digest found.</summary>
/// <param name="Digest">The digest checked against.</param>
/// <param name="LedgerTreeSize">How many entries the ledger's tree holds now.</param>
/// <param name="CurrentRootHash">The root of the tree over all of them now (lower-case hex).</param>
/// <param name="ConsistencyProof">
/// When the ledger still holds the digest's entries unchanged: the RFC 9162 proof that the digest's tree
/// is a prefix of the tree now, for someone holding the digest and a later one. Empty otherwise.
/// </param>
/// <param name="Problems">What is missing or changed, each named; empty when the ledger still holds everything the digest covered.</param>
public sealed record DigestVerification(
    LedgerDigest Digest,
    long LedgerTreeSize,
    string CurrentRootHash,
    IReadOnlyList<string> ConsistencyProof,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when the digest's signature holds and the ledger still holds every entry it covered, unchanged.</summary>
    public bool IsConsistent => Problems.Count == 0;
}
