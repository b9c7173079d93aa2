using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using System;
using ContactsSdk.Erasure.Ledger;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>
/// A receipt that stands alone: the receipt exactly as the ledger holds it, the fields of its ledger
/// entry, a signed digest of the whole ledger, and the proof that the entry is one of the digest's
/// leaves. Whoever holds it and the digest's public key can check it, without the database or any secret
/// (docs/erasure-receipt.md; scripts/verify-receipt.py does it without this library).
/// </summary>
public sealed record ReceiptEvidence
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ReceiptEvidence(string receipt, Guid erasureId, long sequence, DateTimeOffset recordedAt, string previousHash, long leafIndex, IReadOnlyList<string> inclusionProof, LedgerDigest digest)
    {
        Receipt = receipt;
        ErasureId = erasureId;
        Sequence = sequence;
        RecordedAt = recordedAt;
        PreviousHash = previousHash;
        LeafIndex = leafIndex;
        InclusionProof = inclusionProof;
        Digest = digest;
    }

    /// <summary>The receipt's JSON text, byte for byte as stored (it is the entry's payload).</summary>
    public string Receipt { get; init; }

    /// <summary>The erasure the receipt entry belongs to.</summary>
    public Guid ErasureId { get; init; }

    /// <summary>The receipt entry's sequence in the erasure's chain.</summary>
    public long Sequence { get; init; }

    /// <summary>When the receipt entry was recorded (milliseconds).</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The chain hash of the entry before it.</summary>
    public string PreviousHash { get; init; }

    /// <summary>The receipt entry's position among all the ledger's entries.</summary>
    public long LeafIndex { get; init; }

    /// <summary>The RFC 9162 audit path from the entry's leaf to the digest's root, lower-case hex.</summary>
    public IReadOnlyList<string> InclusionProof { get; init; }

    /// <summary>The signed digest that covers the entry.</summary>
    public LedgerDigest Digest { get; init; }

    /// <summary>The schema of the evidence JSON.</summary>
    public const string Schema = "contactssdk.erasure-evidence/1";

    /// <summary>The evidence as JSON (schema <see cref="Schema"/>).</summary>
    public string ToJson() => new JsonObject
    {
        ["schema"] = Schema,
        ["receipt"] = Receipt,
        ["entry"] = new JsonObject
        {
            ["erasureId"] = ErasureId.ToString("D"),
            ["sequence"] = Sequence,
            ["kind"] = EntryKinds.Receipt,
            ["recordedAt"] = RecordedAt.ToUnixTimeMilliseconds(),
            ["previousHash"] = PreviousHash,
        },
        ["leafIndex"] = LeafIndex,
        ["inclusionProof"] = new JsonArray([.. InclusionProof.Select(h => JsonValue.Create(h))]),
        ["digest"] = JsonNode.Parse(Digest.ToJson(withTiles: false)),
    }.ToJsonString(EvidenceJson.Options);

    /// <summary>
    /// Checks the evidence with the public keys of the digest key ring: the digest's signature, the
    /// proof from the receipt's entry to the digest's root, and that the receipt names the same erasure
    /// and chain position as its entry.
    /// </summary>
    /// <returns>Every problem found, named; empty when the receipt is proven.</returns>
    public IReadOnlyList<string> Verify(IEnumerable<DigestSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var problems = new List<string>(DigestSignature.Problems(Digest, keys.FirstOrDefault(k => k.KeyId == Digest.KeyId)));
        var leaf = LedgerLeaves.LeafHashOf(new Storage.LedgerEntry(ErasureId, Sequence, EntryKinds.Receipt, RecordedAt, Receipt, PreviousHash, string.Empty));
        var proof = InclusionProof.Select(Convert.FromHexString).ToList();
        if (!MerkleTree.VerifyInclusion(leaf, LeafIndex, Digest.TreeSize, proof, Convert.FromHexString(Digest.RootHash)))
        {
            problems.Add($"the receipt's entry is not leaf {LeafIndex} of the digest's tree of {Digest.TreeSize} (the receipt, its entry or the proof was changed)");
        }
        problems.AddRange(ReceiptProblems());
        return problems;
    }

    private IEnumerable<string> ReceiptProblems()
    {
        JsonObject? receipt;
        try
        {
            receipt = JsonNode.Parse(Receipt) as JsonObject;
        }
        catch (JsonException)
        {
            receipt = null;
        }
        if (receipt is null)
        {
            yield return "the receipt is not a JSON object";
            yield break;
        }
        if (Text(receipt["erasureId"]) is not { } id || !Guid.TryParse(id, out var erasureId) || erasureId != ErasureId)
        {
            yield return "the receipt names another erasure than its entry";
        }
        if (receipt["ledger"] is not JsonObject ledger || Number(ledger["entries"]) != Sequence - 1 || Text(ledger["lastHash"]) != PreviousHash)
        {
            yield return "the receipt's ledger position (entries, lastHash) is not the one before its entry";
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    /// <summary>Reads evidence written by <see cref="ToJson()"/>.</summary>
    /// <exception cref="FormatException">The text is not such evidence; the message names what is wrong.</exception>
    public static ReceiptEvidence Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("Receipt evidence is a JSON object.");
            if (root["schema"]?.GetValue<string>() != Schema)
            {
                throw new FormatException($"The evidence's schema is not '{Schema}'.");
            }
            var entry = root["entry"] as JsonObject ?? throw new FormatException("The evidence has no 'entry' object.");
            if (entry["kind"]?.GetValue<string>() != EntryKinds.Receipt)
            {
                throw new FormatException("The evidence's entry is not a receipt entry.");
            }
            return new ReceiptEvidence(
                root["receipt"]?.GetValue<string>() ?? throw new FormatException("The evidence has no 'receipt' text."),
                Guid.Parse(entry["erasureId"]?.GetValue<string>() ?? throw new FormatException("The evidence's entry has no 'erasureId'.")),
                entry["sequence"]?.GetValue<long>() ?? throw new FormatException("The evidence's entry has no 'sequence'."),
                DateTimeOffset.FromUnixTimeMilliseconds(entry["recordedAt"]?.GetValue<long>() ?? throw new FormatException("The evidence's entry has no 'recordedAt'.")),
                entry["previousHash"]?.GetValue<string>() ?? throw new FormatException("The evidence's entry has no 'previousHash'."),
                root["leafIndex"]?.GetValue<long>() ?? throw new FormatException("The evidence has no 'leafIndex'."),
                (root["inclusionProof"] as JsonArray ?? throw new FormatException("The evidence has no 'inclusionProof' array.")).Select(h => h!.GetValue<string>()).ToList(),
                LedgerDigest.Read(root["digest"] as JsonObject ?? throw new FormatException("The evidence has no 'digest' object.")));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"The evidence is malformed: {e.Message}", e);
        }
    }
}
