using System;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// One append-only ledger entry. <see cref="Hash"/> covers every other field and the previous
/// entry's hash, so an edited, removed or reordered entry breaks the chain.
/// </summary>
/// <param name="ErasureId">The erasure the entry belongs to.</param>
/// <param name="Sequence">1 for the first entry, then +1 each.</param>
/// <param name="Kind">What happened (<see cref="Ledger.EntryKinds"/>).</param>
/// <param name="RecordedAt">When it was recorded (UTC, millisecond precision).</param>
/// <param name="Payload">The entry's facts as JSON; never an identifier in clear.</param>
/// <param name="PreviousHash">The previous entry's hash (the chain's origin for the first).</param>
/// <param name="Hash">This entry's hash.</param>
public sealed record LedgerEntry(
    Guid ErasureId,
    long Sequence,
    string Kind,
    DateTimeOffset RecordedAt,
    string Payload,
    string PreviousHash,
    string Hash)
{
    /// <summary>
    /// The entry's place among all entries of the ledger (0 for the first ever appended): its leaf in
    /// the ledger-wide Merkle tree. Set by the store when it writes the entry; null before.
    /// </summary>
    public long? LeafIndex { get; init; }
}
