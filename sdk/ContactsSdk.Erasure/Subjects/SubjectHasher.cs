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
    private readonly Dictionary<string, byte[]> _keys;

    /// <summary>A hasher over a key ring: <paramref name="secrets"/> by ID, of which <paramref name="currentKeyId"/> hashes new subjects.</summary>
    public SubjectHasher(IReadOnlyDictionary<string, byte[]> secrets, string currentKeyId)
    {
        _keys = secrets.ToDictionary(s => s.Key, s => DeriveKey(s.Value), StringComparer.Ordinal);
        KeyId = _keys.ContainsKey(currentKeyId) ? currentKeyId : throw new ArgumentException($"The current key '{currentKeyId}' is not in the ring.", nameof(currentKeyId));
    }

    /// <summary>A hasher with one key.</summary>
    public SubjectHasher(byte[] secret, string keyId)
        : this(new Dictionary<string, byte[]> { [keyId] = secret }, keyId)
    {
    }

    /// <summary>
    /// The key the hashes are made with: HMAC-SHA256 of a fixed label under the configured secret, so
    /// the subject hashes never share a key with the ledger chain (docs/erasure-receipt.md documents it).
    /// </summary>
    internal static byte[] DeriveKey(ReadOnlySpan<byte> secret) => HMACSHA256.HashData(secret, "ContactsSdk.Erasure subjects v1"u8);

    /// <summary>The name of the current key, written beside every hash it makes.</summary>
    public string KeyId { get; }

    /// <summary>The hash of one subject under the current key.</summary>
    public string Hash(SubjectKind kind, string value) => Hash(_keys[KeyId], kind, value);

    /// <summary>The hashes of subjects under the current key.</summary>
    public IReadOnlyList<string> HashAll(SubjectKind kind, IEnumerable<string> values) => HashAll(KeyId, kind, values);

    /// <summary>The hashes of subjects under the key named <paramref name="keyId"/> (an erasure recorded before a rotation).</summary>
    /// <exception cref="InvalidOperationException">The ring holds no such key.</exception>
    public IReadOnlyList<string> HashAll(string keyId, SubjectKind kind, IEnumerable<string> values)
    {
        var key = _keys.GetValueOrDefault(keyId)
            ?? throw new InvalidOperationException($"The subject-hash key '{keyId}' is not configured: keep the keys of earlier erasures in ErasureOptions.RetiredSubjectHashKeys.");
        return values.Select(value => Hash(key, kind, value)).ToList();
    }

    private static string Hash(byte[] key, SubjectKind kind, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + ":" + value)));

    /// <summary>One hash over the sorted subject hashes: equal for the same set of subjects in any order.</summary>
    public static string Digest(IEnumerable<string> hashes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(",", hashes.Order(StringComparer.Ordinal)))));
}
