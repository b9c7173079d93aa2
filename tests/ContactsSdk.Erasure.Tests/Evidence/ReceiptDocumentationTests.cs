using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>
/// What docs/erasure-receipt.md shows an auditor to do by hand is run as written against the committed
/// vectors: the signed text example is the vectors' signed text, the openssl commands verify the
/// vectors' digest (and reject an edited one), and the hash commands print the vectors' hashes.
/// </summary>
public sealed partial class ReceiptDocumentationTests : IDisposable
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Path.GetDirectoryName(HashTestVectorTests.VectorsPath)!, "erasure-receipt.md"));

    private static readonly JsonNode Vectors = JsonNode.Parse(File.ReadAllText(HashTestVectorTests.VectorsPath))!;

    private readonly TempDirectory _directory = new();

    [Fact]
    public void The_signed_text_example_is_the_vectors_signed_text()
    {
        var example = Regex.Match(Page[Page.IndexOf("**The signed text**", StringComparison.Ordinal)..], "```text\n(.*?)\n```", RegexOptions.Singleline);

        Assert.True(example.Success);
        Assert.Equal(Vectors["digest"]!["signedText"]!.GetValue<string>(), example.Groups[1].Value);
    }

    [Fact]
    public async Task The_openssl_commands_verify_the_vectors_digest_and_reject_an_edited_one()
    {
        var digest = Vectors["digest"]!;
        await File.WriteAllTextAsync(_directory.File("digest-signing.pub.pem"), digest["publicKeyPem"]!.GetValue<string>());
        await File.WriteAllTextAsync(_directory.File("digest.json"), digest["json"]!.ToJsonString());

        var (code, output) = await RunBashAsync(HandCommands()[0]);

        Assert.True(code == 0, output);
        Assert.Contains("Verified OK", output);

        var edited = digest["json"]!.DeepClone();
        edited["treeSize"] = 8;
        await File.WriteAllTextAsync(_directory.File("digest.json"), edited.ToJsonString());
        var (editedCode, editedOutput) = await RunBashAsync(HandCommands()[0]);

        Assert.NotEqual(0, editedCode);
        Assert.DoesNotContain("Verified OK", editedOutput);
    }

    [Fact]
    public async Task The_hash_commands_print_the_vectors_leaf_hash_and_root()
    {
        var tree = Vectors["tree"]!;

        var (code, output) = await RunBashAsync(HandCommands()[1]);

        Assert.True(code == 0, output);
        var printed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]).ToList();
        Assert.Equal(
            [tree["leaves"]![1]!["leafHash"]!.GetValue<string>(), tree["roots"]![2]!["rootHash"]!.GetValue<string>()],
            printed);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The bash blocks of the page's "By hand with openssl" section, in order.</summary>
    private static string[] HandCommands() =>
        [.. BashBlock().Matches(Page[Page.IndexOf("### By hand with openssl", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)];

    private async Task<(int Code, string Output)> RunBashAsync(string script)
    {
        using var process = ChildProcess.Start("bash", ["-c", script], start => start.WorkingDirectory = _directory.Path);
        var code = await process.WaitForExitAsync();
        return (code, process.StandardOutput + process.StandardError);
    }

    [GeneratedRegex("```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
