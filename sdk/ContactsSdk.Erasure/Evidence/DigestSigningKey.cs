using System;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>
/// One key of the ledger's digest key ring: an ECDSA P-256 key and the ID digests name it by. A key
/// with its private part signs new digests; a key with only its public part still verifies the
/// digests and receipts it signed before a rotation.
/// </summary>
public sealed partial class DigestSigningKey
{
    /// <summary>Wraps <paramref name="key"/> (a P-256 key, private or public only) under <paramref name="keyId"/>.</summary>
    /// <exception cref="ArgumentException">The ID is not 1 to 64 letters, digits, '.', '_' or '-', or the key is not on the P-256 curve.</exception>
    public DigestSigningKey(string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (keyId is null || !KeyIdPattern().IsMatch(keyId))
        {
            throw new ArgumentException("A key ID is 1 to 64 letters, digits, '.', '_' or '-' (it is written into signed text).", nameof(keyId));
        }
        var parameters = key.ExportParameters(false);
        if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("A digest signing key is an ECDSA key on the P-256 curve.", nameof(key));
        }
        KeyId = keyId;
        Key = key;
        CanSign = HasPrivatePart(key);
    }

    /// <summary>The key's ID, written in every digest it signs.</summary>
    public string KeyId { get; }

    /// <summary>The ECDSA P-256 key.</summary>
    public ECDsa Key { get; }

    /// <summary>Whether the key holds its private part (it can sign, not only verify).</summary>
    public bool CanSign { get; }

    /// <summary>A new random P-256 key under <paramref name="keyId"/>.</summary>
    public static DigestSigningKey Create(string keyId) => new(keyId, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>The public key as PEM (SubjectPublicKeyInfo): what an auditor needs to check a digest, with <c>openssl</c> or anything else.</summary>
    public string ExportPublicKeyPem() => Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The key from a PEM text: a private key (PKCS#8 or SEC1) signs and verifies, a public key only verifies.</summary>
    /// <exception cref="ArgumentException">The text holds no P-256 key.</exception>
    public static DigestSigningKey FromPem(string keyId, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new ArgumentException($"The PEM text of key '{keyId}' holds no ECDSA key.", nameof(pem));
        }
        return new DigestSigningKey(keyId, key);
    }

    internal byte[] Sign(byte[] data) => Key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    internal bool Verifies(byte[] data, byte[] signature) =>
        Key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    private static bool HasPrivatePart(ECDsa key)
    {
        try
        {
            return key.ExportParameters(true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
