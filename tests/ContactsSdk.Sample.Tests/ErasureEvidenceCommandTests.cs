using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Sample.Tests.Support;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>
/// The evidence commands as processes: a digest kept outside the database catches an older copy of the
/// ledger put back (which the ledger's own check cannot), receipts exported as evidence verify with the
/// public keys alone, and keep verifying after the signing key is rotated.
/// </summary>
public sealed class ErasureEvidenceCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("contactssdk-sample-evidence-");

    private string Ledger => Path.Combine(_temp.Path, "erasures.db");

    private string PathOf(string name) => Path.Combine(_temp.Path, name);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_digest_proves_later_ledgers_extend_it_and_names_an_older_copy_put_back()
    {
        await SubmitAsync("GDPR-D1", "digest-contact-1");
        File.Copy(Ledger, PathOf("before-second.db"));
        await SubmitAsync("GDPR-D2", "digest-contact-2");
        using var digest = await RunAsync("erasure", "digest", "--out", PathOf("digest.json"), "--public-key", PathOf("keys.pem"));
        Assert.True(digest.ExitCode == 0, digest.StandardError);
        Assert.Contains("Keep it outside the database.", digest.StandardOutput);
        Assert.Contains("BEGIN PUBLIC KEY", await File.ReadAllTextAsync(PathOf("keys.pem")));
        await SubmitAsync("GDPR-D3", "digest-contact-3");

        using var extended = await RunAsync("erasure", "verify", "--digest", PathOf("digest.json"));
        Assert.True(extended.ExitCode == 0, extended.StandardError);
        Assert.Contains("The ledger still holds the 18 entries of the digest", extended.StandardOutput);

        // The ledger file as it was before the second erasure, put back: consistent in itself.
        File.Copy(PathOf("before-second.db"), Ledger, overwrite: true);
        using var alone = await RunAsync("erasure", "verify");
        Assert.True(alone.ExitCode == 0, alone.StandardError);
        using var against = await RunAsync("erasure", "verify", "--digest", PathOf("digest.json"));
        Assert.Equal(1, against.ExitCode);
        Assert.Contains(against.ErrorLines, l => l.Contains("the ledger's tree holds 9 entries, the digest covers 18: the ledger is older than the digest", StringComparison.Ordinal));
        Assert.Contains("The ledger does NOT hold what the digest of", against.StandardError);
    }

    [Fact]
    public async Task Receipt_evidence_verifies_with_the_public_keys_alone_before_and_after_a_key_rotation()
    {
        await SubmitAsync("GDPR-E1", "evidence-contact-1");
        using var export = await RunAsync("erasure", "export", "GDPR-E1", "--evidence", "--out", PathOf("evidence-1.json"));
        Assert.True(export.ExitCode == 0, export.StandardError);
        var before = ReceiptEvidence.Parse(await File.ReadAllTextAsync(PathOf("evidence-1.json")));
        Assert.DoesNotContain("evidence-contact-1", await File.ReadAllTextAsync(PathOf("evidence-1.json")));

        using var rotate = await RunAsync("erasure", "rotate-signing-key", "--public-key", PathOf("keys.pem"));
        Assert.True(rotate.ExitCode == 0, rotate.StandardError);
        using var again = await RunAsync("erasure", "export", "GDPR-E1", "--evidence", "--out", PathOf("evidence-2.json"));
        var after = ReceiptEvidence.Parse(await File.ReadAllTextAsync(PathOf("evidence-2.json")));

        var keys = PublicKeys(await File.ReadAllTextAsync(PathOf("keys.pem")));
        Assert.Equal(2, keys.Count);
        Assert.NotEqual(before.Digest.KeyId, after.Digest.KeyId);
        Assert.Equal(keys.Max(k => k.KeyId), after.Digest.KeyId);
        Assert.Empty(before.Verify(keys));
        Assert.Empty(after.Verify(keys));
        Assert.Contains(before.Verify(keys.Where(k => k.KeyId != before.Digest.KeyId)), p => p.Contains("not in the digest key ring", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_subject_key_rotation_new_erasures_use_the_new_key_and_older_ones_keep_theirs()
    {
        await SubmitAsync("GDPR-K1", "rotation-contact-1");
        using var rotate = await RunAsync("erasure", "rotate-subject-key");
        Assert.True(rotate.ExitCode == 0, rotate.StandardError);
        await SubmitAsync("GDPR-K2", "rotation-contact-2");
        // The first erasure submitted again after the rotation is still the same request.
        await SubmitAsync("GDPR-K1", "rotation-contact-1");

        var rotated = Assert.Single(Directory.GetFiles(Ledger + ".subject-keys", "*.key"));
        var first = await ReceiptAsync("GDPR-K1");
        var second = await ReceiptAsync("GDPR-K2");
        Assert.Equal("default", first.KeyId);
        Assert.Equal(Path.GetFileNameWithoutExtension(rotated), second.KeyId);
        Assert.Equal(SubjectHash(Ledger + ".key", "rotation-contact-1"), Assert.Single(first.Hashes));
        Assert.Equal(SubjectHash(rotated, "rotation-contact-2"), Assert.Single(second.Hashes));
        using var verify = await RunAsync("erasure", "verify");
        Assert.True(verify.ExitCode == 0, verify.StandardError);
        Assert.Contains("The ledger is intact: 2 erasure(s)", verify.StandardOutput);
    }

    [Fact]
    public async Task A_digest_file_that_is_not_one_and_evidence_for_a_date_range_are_refused_with_their_reasons()
    {
        await SubmitAsync("GDPR-B1", "bad-contact-1");
        await File.WriteAllTextAsync(PathOf("not-a-digest.json"), "{\"schema\":\"something else\"}");

        using var verify = await RunAsync("erasure", "verify", "--digest", PathOf("not-a-digest.json"));
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(verify.ErrorLines, l => l.Contains("is not a ledger digest: The digest's schema is not 'contactssdk.erasure-digest/1'.", StringComparison.Ordinal));

        using var range = await RunAsync("erasure", "export", "--csv", "--from", "2026-01-01", "--to", "2027-01-01", "--evidence");
        Assert.Equal(2, range.ExitCode);
        Assert.Contains("error: --evidence exports one receipt: give its request ID, not --csv.", range.ErrorLines);
    }

    private async Task<(string KeyId, List<string> Hashes)> ReceiptAsync(string requestId)
    {
        using var export = await RunAsync("erasure", "export", requestId);
        Assert.True(export.ExitCode == 0, export.StandardError);
        using var receipt = JsonDocument.Parse(export.StandardOutput);
        var hashes = receipt.RootElement.GetProperty("subjectHashes");
        return (hashes.GetProperty("keyId").GetString()!, [.. hashes.GetProperty("values").EnumerateArray().Select(v => v.GetString()!)]);
    }

    /// <summary>A contact key's subject hash as docs/erasure-receipt.md defines it, from the key file alone.</summary>
    private static string SubjectHash(string keyFile, string contactKey)
    {
        var secret = Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
        var subjectKey = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes("ContactsSdk.Erasure subjects v1"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(subjectKey, Encoding.UTF8.GetBytes("ContactKeys:" + contactKey)));
    }

    /// <summary>The keys of a public-key file: PEM blocks, each after a "# key ID" line.</summary>
    private static List<DigestSigningKey> PublicKeys(string text) =>
        [.. text.Split("# key ", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n', 2))
            .Select(parts => DigestSigningKey.FromPem(parts[0].Trim(), parts[1]))];

    private async Task SubmitAsync(string requestId, string key)
    {
        using var submit = await RunAsync("erasure", "submit", "--request-id", requestId, "--key", key);
        Assert.True(submit.ExitCode == 0, submit.StandardOutput + submit.StandardError);
    }

    private Task<ChildProcess> RunAsync(params string[] arguments) =>
        SampleProcess.RunAsync(SamplePrograms.Sample, [.. arguments, "--ledger", Ledger], null);
}
