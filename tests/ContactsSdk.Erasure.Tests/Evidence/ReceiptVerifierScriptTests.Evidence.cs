using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Tests.Support;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>
/// The script's <c>evidence</c> and <c>digest</c> commands against evidence and digests the library
/// issued for real erasures: they pass as exported, and every alteration fails naming the check that
/// caught it. The signature is checked by the <c>openssl</c> binary; without it the script fails.
/// </summary>
public sealed partial class ReceiptVerifierScriptTests
{
    private const string LeafCheck = "the receipt's entry is the digest's leaf at its leaf index (inclusion proof)";
    private const string SignatureCheck = "the digest's signature verifies with the public key";

    [Fact]
    public async Task Evidence_of_real_erasures_passes_with_the_public_key_and_covers_its_subject()
    {
        await using var harness = await ErasureHarness.StartAsync();
        string[] requestIds = ["gdpr-evidence-1", "gdpr-evidence-2", "gdpr-evidence-3"];
        await RunErasuresAsync(harness, requestIds);
        var publicKey = SavePublicKey(ErasureHarness.SigningKey);
        var key = _directory.File("ledger.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(ErasureHarness.TestKey));

        var leafIndices = new HashSet<long>();
        foreach (var requestId in requestIds)
        {
            var evidence = await harness.Service.ExportReceiptEvidenceAsync(requestId);
            Assert.Empty(evidence.Verify([ErasureHarness.SigningKey]));
            leafIndices.Add(evidence.LeafIndex);

            var (code, output, errors) = await RunAsync("evidence", Save(requestId + ".evidence.json", evidence.ToJson()), "--public-key", publicKey,
                "--key", key, "--subjects", Lines(requestId + ".txt", requestId + "-contact"));

            Assert.True(code == 0, errors);
            Assert.Contains($"ok    {SignatureCheck}", output);
            Assert.Contains($"ok    {LeafCheck}", output);
            Assert.Contains("ok    the receipt's ledger position is the one before its entry", output);
            Assert.Contains("ok    Deleted has an operation whose last state is Deleted", output);
            Assert.Contains("ok    subject 1 of", output);
        }
        Assert.Equal(requestIds.Length, leafIndices.Count);
    }

    [Fact]
    public async Task Altered_evidence_fails_naming_the_check_that_caught_it()
    {
        await using var harness = await ErasureHarness.StartAsync();
        await RunErasuresAsync(harness, ["gdpr-altered-1", "gdpr-altered-2"]);
        var exported = (await harness.Service.ExportReceiptEvidenceAsync("gdpr-altered-1")).ToJson();
        var publicKey = SavePublicKey(ErasureHarness.SigningKey);
        var forger = DigestSigningKey.Create(ErasureHarness.SigningKey.KeyId);
        var alterations = new (string Name, Action<JsonNode> Alter, string[] Failed)[]
        {
            ("receipt text edited", e => e["receipt"] = e["receipt"]!.GetValue<string>().Replace("gdpr-altered-1", "gdpr-altered-9", StringComparison.Ordinal), [LeafCheck]),
            ("a proof hash changed", e => e["inclusionProof"]![0] = FlipLastDigit(e["inclusionProof"]![0]!.GetValue<string>()), [LeafCheck]),
            ("leaf index changed", e => e["leafIndex"] = e["leafIndex"]!.GetValue<long>() + 1, [LeafCheck]),
            ("entry sequence changed", e => e["entry"]!["sequence"] = e["entry"]!["sequence"]!.GetValue<long>() + 1, [LeafCheck, "the receipt's ledger position is the one before its entry"]),
            ("entry erasure changed", e => e["entry"]!["erasureId"] = Guid.NewGuid().ToString(), [LeafCheck, "the receipt names its entry's erasure"]),
            ("digest root edited", e => e["digest"]!["rootHash"] = FlipLastDigit(e["digest"]!["rootHash"]!.GetValue<string>()), [SignatureCheck, LeafCheck]),
            // A digest claiming a tree that ends before the receipt (a size that still fits the proof fails on the signature alone).
            ("digest tree size edited", e => e["digest"]!["treeSize"] = e["leafIndex"]!.GetValue<long>(), [SignatureCheck, LeafCheck]),
            ("digest re-signed with another key under the same key ID", e => e["digest"]!["signature"] = SignWith(forger, e["digest"]!), [SignatureCheck]),
        };

        foreach (var (name, alter, failed) in alterations)
        {
            var evidence = JsonNode.Parse(exported)!;
            alter(evidence);

            var (code, output, errors) = await RunAsync("evidence", Save("altered.json", evidence.ToJsonString()), "--public-key", publicKey);

            Assert.True(code == 1, $"{name}: exit code {code}\n{errors}");
            Assert.True(failed.Select(check => $"FAIL  {check}").SequenceEqual(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)), $"{name}:\n{errors}");
            Assert.DoesNotContain("gdpr-altered", output + errors);
        }
    }

    [Fact]
    public async Task A_digest_of_a_real_ledger_passes_and_an_edited_one_fails_naming_the_check()
    {
        await using var harness = await ErasureHarness.StartAsync();
        // More than one run of 64 leaves, so the tile hashes really combine.
        var digest = await harness.Service.IssueDigestAsync();
        for (var i = 0; digest.TreeSize <= LedgerDigest.TileSize; i++)
        {
            await RunErasuresAsync(harness, [$"gdpr-digest-{i}"]);
            digest = await harness.Service.IssueDigestAsync();
        }
        var publicKey = SavePublicKey(ErasureHarness.SigningKey);

        var (code, output, errors) = await RunAsync("digest", Save("digest.json", digest.ToJson()), "--public-key", publicKey);

        Assert.True(code == 0, errors);
        Assert.True(digest.TileHashes.Count >= 2);
        Assert.Contains($"ok    {SignatureCheck}", output);
        Assert.Contains("ok    the tile hashes combine to the digest's root", output);
        Assert.True((await RunAsync("digest", Save("untiled.json", digest.ToJson(withTiles: false)), "--public-key", publicKey)).Code == 0);

        var edits = new (string Name, Action<JsonNode> Edit, string[] Failed)[]
        {
            ("a tile hash", d => d["tileHashes"]![1] = FlipLastDigit(d["tileHashes"]![1]!.GetValue<string>()), ["the tile hashes combine to the digest's root"]),
            ("the root", d => d["rootHash"] = FlipLastDigit(d["rootHash"]!.GetValue<string>()), [SignatureCheck, "the tile hashes combine to the digest's root"]),
            ("the tree size", d => d["treeSize"] = d["treeSize"]!.GetValue<long>() + LedgerDigest.TileSize, [SignatureCheck, "one tile hash per 64 leaves"]),
            ("the issue time", d => d["issuedAt"] = "2030-01-01T00:00:00.000Z", [SignatureCheck]),
        };
        foreach (var (name, edit, failed) in edits)
        {
            var edited = JsonNode.Parse(digest.ToJson())!;
            edit(edited);

            var (editedCode, _, editedErrors) = await RunAsync("digest", Save("edited.json", edited.ToJsonString()), "--public-key", publicKey);

            Assert.True(editedCode == 1, $"{name}: exit code {editedCode}\n{editedErrors}");
            Assert.All(failed, check => Assert.Contains($"FAIL  {check}", editedErrors));
        }

        var (otherKeyCode, _, otherKeyErrors) = await RunAsync("digest", Save("digest.json", digest.ToJson()), "--public-key", SavePublicKey(DigestSigningKey.Create("other")));

        Assert.Equal(1, otherKeyCode);
        Assert.Contains($"FAIL  {SignatureCheck}", otherKeyErrors);
    }

    [Fact]
    public async Task Without_openssl_a_digest_fails_instead_of_passing_unchecked()
    {
        var vector = JsonNode.Parse(await File.ReadAllTextAsync(HashTestVectorTests.VectorsPath))!["digest"]!;
        var digest = Save("vector-digest.json", vector["json"]!.ToJsonString());
        var publicKey = Save("vector-key.pem", vector["publicKeyPem"]!.GetValue<string>());
        var python = (await RunProcessAsync("python3", null, "-c", "import sys; print(sys.executable)")).Output.Trim();

        var (withCode, _, withErrors) = await RunWithAsync(python, null, "digest", digest, "--public-key", publicKey);
        var (code, output, errors) = await RunWithAsync(python, _directory.Path, "digest", digest, "--public-key", publicKey);

        Assert.True(withCode == 0, withErrors);
        Assert.Equal(1, code);
        Assert.Contains("FAIL  openssl is installed (it checks the digest's signature)", errors);
        Assert.DoesNotContain(SignatureCheck, output + errors);
    }

    [Fact]
    public async Task Evidence_and_digest_without_a_public_key_are_bad_usage()
    {
        Assert.Equal(2, (await RunAsync("evidence", "e.json")).Code);
        Assert.Equal(2, (await RunAsync("digest", "d.json")).Code);
        Assert.Equal(2, (await RunAsync("digest", "d.json", "--public-key", "k.pem", "--key", "ledger.key", "--subjects", "s.txt")).Code);
        Assert.Equal(2, (await RunAsync("evidence", "e.json", "--public-key", "k.pem", "--subjects", "s.txt")).Code);
    }

    private static async Task RunErasuresAsync(ErasureHarness harness, IEnumerable<string> requestIds)
    {
        foreach (var requestId in requestIds)
        {
            var submitted = await harness.Service.SubmitAsync(new ErasureRequest(requestId, ErasureSubjects.ContactKeys([requestId + "-contact"])));
            await harness.RunToEndAsync(submitted.ErasureId);
        }
    }

    /// <summary>A signature of the digest's signed text by <paramref name="key"/>: what a forger without the real key can make.</summary>
    private static string SignWith(DigestSigningKey key, JsonNode digest)
    {
        var text = LedgerDigest.Parse(digest.ToJsonString()).SignedText;
        return Convert.ToBase64String(key.Key.SignData(Encoding.ASCII.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    private static string FlipLastDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');

    private string SavePublicKey(DigestSigningKey key) => Save(key.KeyId + Guid.NewGuid().ToString("N") + ".pem", key.ExportPublicKeyPem());

    private string Save(string name, string text)
    {
        var path = _directory.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
