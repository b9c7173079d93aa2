using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>
/// Links entries into a keyed hash chain: each entry's hash is an HMAC-SHA256, under a key derived
/// from the configured secret, of the previous hash and every field of the entry. Without the key an
/// edited, removed or reordered entry cannot be given a matching hash.
/// </summary>
internal sealed class LedgerChain
{
    /// <summary>The "previous hash" of an erasure's first entry.</summary>
    public const string Origin = "origin";

    private readonly byte[] _key;

    public LedgerChain(ReadOnlySpan<byte> secret)
    {
        // A key of its own, so the chain key never equals the subject-hash key.
        _key = HMACSHA256.HashData(secret, "ContactsSdk.Erasure ledger chain v1"u8);
    }

    /// <summary>Builds the next entry after <paramref name="previousHash"/> (sequence <paramref name="sequence"/>).</summary>
    public LedgerEntry Next(Guid erasureId, long sequence, string previousHash, string kind, DateTimeOffset recordedAt, string payload)
    {
        // The store keeps milliseconds: hash what will be read back.
        var at = AdoLedgerStore.FromMillis(AdoLedgerStore.Millis(recordedAt));
        var hash = Hash(erasureId, sequence, kind, at, payload, previousHash);
        return new LedgerEntry(erasureId, sequence, kind, at, payload, previousHash, hash);
    }

    /// <summary>Whether the entry's hash matches its content and its previous hash.</summary>
    public bool IsIntact(LedgerEntry entry) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(entry.Hash),
            Encoding.ASCII.GetBytes(Hash(entry.ErasureId, entry.Sequence, entry.Kind, entry.RecordedAt, entry.Payload, entry.PreviousHash)));

    private string Hash(Guid erasureId, long sequence, string kind, DateTimeOffset recordedAt, string payload, string previousHash)
    {
        // Length-prefixed fields: no two different entries serialize to the same bytes.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        AppendField(hmac, previousHash);
        AppendField(hmac, erasureId.ToString("D", CultureInfo.InvariantCulture));
        AppendField(hmac, sequence.ToString(CultureInfo.InvariantCulture));
        AppendField(hmac, kind);
        AppendField(hmac, AdoLedgerStore.Millis(recordedAt).ToString(CultureInfo.InvariantCulture));
        AppendField(hmac, payload);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private static void AppendField(IncrementalHash hmac, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hmac.AppendData(length);
        hmac.AppendData(bytes);
    }
}
