using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>The digest signing keys by ID, and the one that signs new digests.</summary>
internal sealed class DigestKeyRing
{
    private readonly Dictionary<string, DigestSigningKey> _keys;

    public DigestKeyRing(IEnumerable<DigestSigningKey> keys, string? currentKeyId)
    {
        _keys = new Dictionary<string, DigestSigningKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.KeyId, key))
            {
                throw new InvalidOperationException($"Two digest signing keys have the ID '{key.KeyId}'.");
            }
        }
        Current = currentKeyId is null ? OnlySigningKey() : Find(currentKeyId) ?? throw new InvalidOperationException($"The current digest signing key '{currentKeyId}' is not in the key ring.");
        if (Current is { CanSign: false })
        {
            throw new InvalidOperationException($"The current digest signing key '{Current.KeyId}' has no private part: it can verify, not sign.");
        }
    }

    /// <summary>The key that signs new digests, or null when the ring has none that can sign.</summary>
    public DigestSigningKey? Current { get; }

    public DigestSigningKey? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    private DigestSigningKey? OnlySigningKey()
    {
        var signing = _keys.Values.Where(k => k.CanSign).ToList();
        return signing.Count switch
        {
            0 => null,
            1 => signing[0],
            _ => throw new InvalidOperationException("Several digest signing keys can sign: name the current one (CurrentDigestSigningKeyId)."),
        };
    }
}
