using System;
using System.Buffers;
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
        _key = DeriveKey(secret);
    }

    /// <summary>The chain's key: a key of its own (HMAC-SHA256 of a fixed label), so it never equals the subject-hash key.</summary>
    internal static byte[] DeriveKey(ReadOnlySpan<byte> secret) => HMACSHA256.HashData(secret, "ContactsSdk.Erasure ledger chain v1"u8);

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

    private string Hash(Guid erasureId, long sequence, string kind, DateTimeOffset recordedAt, string payload, string previousHash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, CanonicalBytes(erasureId, sequence, kind, recordedAt, payload, previousHash)));

    /// <summary>
    /// The bytes an entry's hash is computed over: the previous hash, the erasure ID, the sequence, the
    /// kind, the time in Unix milliseconds and the payload, each as UTF-8 behind its length (four bytes,
    /// big-endian), so no two different entries serialize to the same bytes.
    /// </summary>
    internal static byte[] CanonicalBytes(Guid erasureId, long sequence, string kind, DateTimeOffset recordedAt, string payload, string previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>();
        AppendField(buffer, previousHash);
        AppendField(buffer, erasureId.ToString("D", CultureInfo.InvariantCulture));
        AppendField(buffer, sequence.ToString(CultureInfo.InvariantCulture));
        AppendField(buffer, kind);
        AppendField(buffer, AdoLedgerStore.Millis(recordedAt).ToString(CultureInfo.InvariantCulture));
        AppendField(buffer, payload);
        return buffer.WrittenSpan.ToArray();
    }

    private static void AppendField(ArrayBufferWriter<byte> buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), bytes.Length);
        buffer.Advance(4);
        buffer.Write(bytes);
    }
}
