using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ContactsSdk.Erasure.Subjects;

/// <summary>
/// Turns identifiers into keyed hashes (HMAC-SHA256 of the kind and the value): a receipt can prove
/// which subject it covers to someone who knows the identifier and the key, and reveals nothing to
/// anyone else.
/// </summary>
internal sealed class SubjectHasher
{
    private readonly byte[] _key;

    public SubjectHasher(byte[] secret, string keyId)
    {
        _key = DeriveKey(secret);
        KeyId = keyId;
    }

    /// <summary>
    /// The key the hashes are made with: HMAC-SHA256 of a fixed label under the configured secret, so
    /// the subject hashes never share a key with the ledger chain (docs/erasure-receipt.md documents it).
    /// </summary>
    internal static byte[] DeriveKey(ReadOnlySpan<byte> secret) => HMACSHA256.HashData(secret, "ContactsSdk.Erasure subjects v1"u8);

    /// <summary>The name of the key, written beside every hash.</summary>
    public string KeyId { get; }

    public string Hash(SubjectKind kind, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(kind + ":" + value)));

    public IReadOnlyList<string> HashAll(SubjectKind kind, IEnumerable<string> values) => values.Select(value => Hash(kind, value)).ToList();

    /// <summary>One hash over the sorted subject hashes: equal for the same set of subjects in any order.</summary>
    public static string Digest(IEnumerable<string> hashes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(",", hashes.Order(StringComparer.Ordinal)))));
}
