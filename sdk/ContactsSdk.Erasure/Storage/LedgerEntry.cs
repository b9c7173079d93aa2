using System;
using System.Diagnostics.CodeAnalysis;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// One append-only ledger entry. <see cref="Hash"/> covers every other field and the previous
/// entry's hash, so an edited, removed or reordered entry breaks the chain.
/// </summary>
public sealed record LedgerEntry
{
    /// <summary>An empty LedgerEntry: set its properties in an object initializer.</summary>
    public LedgerEntry()
    {
    }

    // The library's own shorthand; callers use an object initializer, so a property can be added
    // without breaking them.
    [SetsRequiredMembers]
    internal LedgerEntry(Guid erasureId, long sequence, string kind, DateTimeOffset recordedAt, string payload, string previousHash, string hash)
    {
        ErasureId = erasureId;
        Sequence = sequence;
        Kind = kind;
        RecordedAt = recordedAt;
        Payload = payload;
        PreviousHash = previousHash;
        Hash = hash;
    }

    /// <summary>The erasure the entry belongs to.</summary>
    public required Guid ErasureId { get; init; }

    /// <summary>1 for the first entry, then +1 each.</summary>
    public required long Sequence { get; init; }

    /// <summary>What happened (<see cref="Ledger.EntryKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>When it was recorded (UTC, millisecond precision).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The entry's facts as JSON; never an identifier in clear.</summary>
    public required string Payload { get; init; }

    /// <summary>The previous entry's hash (the chain's origin for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>This entry's hash.</summary>
    public required string Hash { get; init; }

    /// <summary>
    /// The entry's place among all entries of the ledger (0 for the first ever appended): its leaf in
    /// the ledger-wide Merkle tree. Set by the store when it writes the entry; null before.
    /// </summary>
    public long? LeafIndex { get; init; }
}
