using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Lifecycle;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>
/// scripts/verify-receipt.py, the verifier written from the docs alone, run as a child process
/// against the committed test vectors and against receipts the library wrote; it must also fail when
/// a receipt does not cover a subject or was edited. python3 missing is a failure, never a skip.
/// </summary>
public sealed partial class ReceiptVerifierScriptTests : IDisposable
{
    private static readonly string RepositoryRoot =
        typeof(ReceiptVerifierScriptTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly string Script = Path.Combine(RepositoryRoot, "scripts", "verify-receipt.py");

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task The_script_recomputes_the_committed_vectors_and_fails_on_an_altered_one()
    {
        var (code, output, _) = await RunAsync("vectors", HashTestVectorTests.VectorsPath);

        Assert.True(code == 0, output);
        Assert.Contains("ok    entry 2 hash", output);
        Assert.Contains("ok    tree consistency proof", output);
        Assert.Contains("ok    the digest's signature verifies with the public key", output);

        var altered = JsonNode.Parse(await File.ReadAllTextAsync(HashTestVectorTests.VectorsPath))!;
        altered["entries"]![1]!["payload"] = altered["entries"]![1]!["payload"]!.GetValue<string>().Replace("Deleted", "Restored", StringComparison.Ordinal);
        var tree = altered["tree"]!;
        tree["inclusionProof"]!["path"]![1] = FlipLastDigit(tree["inclusionProof"]!["path"]![1]!.GetValue<string>());
        tree["consistencyProof"]!["path"]![1] = FlipLastDigit(tree["consistencyProof"]!["path"]![1]!.GetValue<string>());
        altered["digest"]!["json"]!["issuedAt"] = "2030-01-01T00:00:00.000Z";
        var path = _directory.File("altered-vectors.json");
        await File.WriteAllTextAsync(path, altered.ToJsonString());
        var (alteredCode, _, errors) = await RunAsync("vectors", path);

        Assert.Equal(1, alteredCode);
        Assert.Contains("FAIL  entry 2 canonical bytes", errors);
        Assert.Contains("FAIL  entry 2 hash", errors);
        Assert.Contains("FAIL  tree inclusion proof", errors);
        Assert.Contains("FAIL  tree consistency proof", errors);
        Assert.Contains("FAIL  digest signed text", errors);
        Assert.Contains("FAIL  the digest's signature verifies with the public key", errors);
    }

    [Fact]
    public async Task A_receipt_of_email_addresses_checks_its_subjects_and_resolved_keys_with_the_key()
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            Contacts = [new EmulatedContact { ContactKey = "fake-key-1", EmailAddress = "fake.one@example.com", CreatedAt = clock.GetUtcNow().AddYears(-1) }],
        });
        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-script-email", ErasureSubjects.EmailAddresses(["fake.one@example.com", "nobody@example.com"])));
        await harness.RunToEndAsync(submitted.ErasureId);
        var receipt = await SaveReceiptAsync(harness, "gdpr-script-email");
        var key = _directory.File("ledger.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(ErasureHarness.TestKey));

        var (code, output, errors) = await RunAsync("receipt", receipt, "--key", key,
            "--subjects", Lines("subjects.txt", "fake.one@example.com", "nobody@example.com"), "--resolved", Lines("keys.txt", "fake-key-1"));

        Assert.True(code == 0, errors);
        Assert.Contains("ok    subject 2 of", output);
        Assert.Contains("ok    resolved contact key 1 of", output);

        var (otherCode, _, otherErrors) = await RunAsync("receipt", receipt, "--key", key, "--subjects", Lines("other.txt", "fake.one@example.com", "Fake.One@example.com"));

        Assert.Equal(1, otherCode);
        Assert.Contains("FAIL  subject 2 of", otherErrors);
        Assert.DoesNotContain("example.com", otherErrors);
    }

    [Fact]
    public async Task A_restored_receipt_verifies_and_an_edited_one_is_named()
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, OutcomeSelector = _ => DeleteOutcome.Aborted });
        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-script-restored", ErasureSubjects.ContactIds([101, 102])));
        await harness.RunToEndAsync(submitted.ErasureId);
        var receipt = await SaveReceiptAsync(harness, "gdpr-script-restored");

        var (code, _, errors) = await RunAsync("receipt", receipt);

        Assert.True(code == 0, errors);

        // Claiming the deletion happened without changing anything else contradicts the receipt's own facts.
        var edited = JsonNode.Parse(await File.ReadAllTextAsync(receipt))!;
        edited["verdict"] = "Deleted";
        edited["subjectCount"] = 3;
        await File.WriteAllTextAsync(receipt, edited.ToJsonString());
        var (editedCode, _, editedErrors) = await RunAsync("receipt", receipt);

        Assert.Equal(1, editedCode);
        Assert.Contains("FAIL  one distinct hash per subject counted", editedErrors);
        Assert.Contains("FAIL  Deleted has an operation whose last state is Deleted", editedErrors);
        Assert.Contains("FAIL  the deadline's 'met' follows", editedErrors);
    }

    [Fact]
    public async Task Bad_usage_and_unreadable_input_are_one_line_errors()
    {
        Assert.Equal(2, (await RunAsync("receipt")).Code);
        Assert.Equal(2, (await RunAsync("receipt", "r.json", "--subjects", "s.txt")).Code);
        var notJson = Lines("not-json.json", "{ not json");

        var (code, _, errors) = await RunAsync("receipt", notJson);

        Assert.Equal(1, code);
        Assert.StartsWith("FAIL  cannot read the input", errors);
        Assert.Single(errors.Trim().Split('\n'));
    }

    public void Dispose() => _directory.Dispose();

    private async Task<string> SaveReceiptAsync(ErasureHarness harness, string requestId)
    {
        var path = _directory.File(requestId + ".json");
        await File.WriteAllTextAsync(path, await harness.Service.ExportReceiptJsonAsync(requestId));
        return path;
    }

    private string Lines(string name, params string[] lines)
    {
        var path = _directory.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static Task<(int Code, string Output, string Errors)> RunAsync(params string[] arguments) => RunWithAsync("python3", null, arguments);

    /// <summary>Runs the script with <paramref name="python"/>, and with <paramref name="path"/> as the PATH when given.</summary>
    private static Task<(int Code, string Output, string Errors)> RunWithAsync(string python, string? path, params string[] arguments) =>
        RunProcessAsync(python, path, [Script, .. arguments]);

    private static async Task<(int Code, string Output, string Errors)> RunProcessAsync(string executable, string? path, params string[] arguments)
    {
        using var process = ChildProcess.Start(executable, arguments, start =>
        {
            if (path is not null)
            {
                start.Environment["PATH"] = path;
            }
        });
        var code = await process.WaitForExitAsync();
        return (code, process.StandardOutput, process.StandardError);
    }
}
