using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using System;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>
/// A signed statement of the whole ledger at one moment: how many entries it held (the tree size), the
/// root of the Merkle tree over them, and when, signed with an ECDSA P-256 key of the digest key ring.
/// Kept outside the database, it lets anyone holding the public key prove later that the ledger still
/// holds every entry it covered, unchanged (docs/erasure-receipt.md gives the exact format).
/// </summary>
public sealed record LedgerDigest
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal LedgerDigest(long treeSize, string rootHash, DateTimeOffset issuedAt, string keyId, string signature)
    {
        TreeSize = treeSize;
        RootHash = rootHash;
        IssuedAt = issuedAt;
        KeyId = keyId;
        Signature = signature;
    }

    /// <summary>How many entries the digest covers: the first <c>TreeSize</c> leaves of the ledger.</summary>
    public long TreeSize { get; init; }

    /// <summary>The Merkle tree hash of those leaves, lower-case hex.</summary>
    public string RootHash { get; init; }

    /// <summary>When it was issued (UTC, milliseconds).</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>The ID of the signing key.</summary>
    public string KeyId { get; init; }

    /// <summary>The ECDSA P-256 / SHA-256 signature of <see cref="SignedText"/>, DER, base64.</summary>
    public string Signature { get; init; }

    /// <summary>The schema of the digest's JSON and the first line of its signed text.</summary>
    public const string Schema = "contactssdk.erasure-digest/1";

    /// <summary>How many leaves each of <see cref="TileHashes"/> covers.</summary>
    public const int TileSize = 64;

    /// <summary>
    /// The Merkle tree hashes of each run of <see cref="TileSize"/> leaves (the last one may be shorter), in
    /// order. Not signed: they are checked against the signed root, and say where a ledger that no
    /// longer matches the digest differs. Empty when the digest was exported without them.
    /// </summary>
    public IReadOnlyList<string> TileHashes { get; init; } = [];

    /// <summary>The issue time as written in the JSON and the signed text: ISO 8601, UTC, milliseconds.</summary>
    public string IssuedAtText => IssuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The text the signature covers: the schema, tree size, root hash, issue time and key ID, one a line, ASCII, no final newline.</summary>
    public string SignedText => string.Create(CultureInfo.InvariantCulture, $"{Schema}\n{TreeSize}\n{RootHash}\n{IssuedAtText}\n{KeyId}");

    internal byte[] SignedBytes => Encoding.ASCII.GetBytes(SignedText);

    /// <summary>The digest as JSON (schema <see cref="Schema"/>) with its tiles, the file <c>erasure digest --out</c> writes.</summary>
    public string ToJson() => ToJson(withTiles: true);

    /// <summary>The digest as JSON (schema <see cref="Schema"/>), with or without its tiles.</summary>
    public string ToJson(bool withTiles)
    {
        var json = new JsonObject
        {
            ["schema"] = Schema,
            ["treeSize"] = TreeSize,
            ["rootHash"] = RootHash,
            ["issuedAt"] = IssuedAtText,
            ["keyId"] = KeyId,
            ["signature"] = Signature,
        };
        if (withTiles && TileHashes.Count > 0)
        {
            json["tileSize"] = TileSize;
            json["tileHashes"] = new JsonArray([.. TileHashes.Select(h => JsonValue.Create(h))]);
        }
        return json.ToJsonString(EvidenceJson.Options);
    }

    /// <summary>Reads a digest written by <see cref="ToJson()"/>.</summary>
    /// <exception cref="FormatException">The text is not such a digest; the message names what is wrong.</exception>
    public static LedgerDigest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Read(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A digest is a JSON object."));
        }
        catch (JsonException e)
        {
            throw new FormatException($"The digest is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong JSON type (a number where a hash belongs).
            throw new FormatException($"The digest has a value of the wrong type: {e.Message}", e);
        }
    }

    internal static LedgerDigest Read(JsonObject json)
    {
        if (Text(json, "schema") != Schema)
        {
            throw new FormatException($"The digest's schema is not '{Schema}'.");
        }
        var size = json["treeSize"]?.GetValueKind() == JsonValueKind.Number ? json["treeSize"]!.GetValue<long>() : throw new FormatException("The digest has no 'treeSize' number.");
        var root = Text(json, "rootHash");
        if (size < 0 || root.Length != 64 || !root.All(char.IsAsciiHexDigitLower))
        {
            throw new FormatException("The digest's 'treeSize' is negative or its 'rootHash' is not 64 lower-case hex digits.");
        }
        if (!DateTimeOffset.TryParseExact(Text(json, "issuedAt"), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issuedAt))
        {
            throw new FormatException("The digest's 'issuedAt' is not an ISO 8601 UTC time with milliseconds.");
        }
        var tiles = json["tileHashes"] is JsonArray array ? array.Select(t => t?.GetValue<string>() ?? throw new FormatException("A tile hash is null.")).ToList() : [];
        return new LedgerDigest(size, root, issuedAt, Text(json, "keyId"), Text(json, "signature")) { TileHashes = tiles };
    }

    private static string Text(JsonObject json, string name) =>
        json[name]?.GetValueKind() == JsonValueKind.String ? json[name]!.GetValue<string>() : throw new FormatException($"The digest has no '{name}' text.");
}
