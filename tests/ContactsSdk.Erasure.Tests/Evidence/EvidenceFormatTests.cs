using System;
using ContactsSdk.Erasure.Evidence;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>Malformed digests and evidence are refused with a reason, never with an unexpected exception.</summary>
public sealed class EvidenceFormatTests
{
    private const string Root = "482aea3e441b1141ecc329a362a59597a23833d516e27d210bed960452b70158";

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1]", "A digest is a JSON object.")]
    [InlineData("{\"schema\":\"other\"}", "schema is not")]
    [InlineData("{\"schema\":\"contactssdk.erasure-digest/1\",\"treeSize\":\"9\",\"rootHash\":\"" + Root + "\"}", "no 'treeSize' number")]
    [InlineData("{\"schema\":\"contactssdk.erasure-digest/1\",\"treeSize\":9,\"rootHash\":\"ABC\"}", "64 lower-case hex digits")]
    [InlineData("{\"schema\":\"contactssdk.erasure-digest/1\",\"treeSize\":9,\"rootHash\":\"" + Root + "\",\"issuedAt\":\"yesterday\",\"keyId\":\"k\",\"signature\":\"s\"}", "'issuedAt' is not")]
    [InlineData("{\"schema\":\"contactssdk.erasure-digest/1\",\"treeSize\":9,\"rootHash\":\"" + Root + "\",\"issuedAt\":\"2026-12-07T21:23:12.071Z\",\"keyId\":\"k\",\"signature\":\"s\",\"tileHashes\":[7]}", "wrong type")]
    public void A_malformed_digest_is_a_format_error_that_says_what_is_wrong(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => LedgerDigest.Parse(json));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Evidence_whose_receipt_has_values_of_the_wrong_type_is_a_problem_not_an_exception()
    {
        var key = DigestSigningKey.Create("format-test");
        var digest = DigestSignature.Sign(key, 1, new byte[32], DateTimeOffset.UnixEpoch, []);
        var evidence = new ReceiptEvidence("{\"erasureId\":7,\"ledger\":{\"entries\":\"x\",\"lastHash\":1}}", Guid.NewGuid(), 2, DateTimeOffset.UnixEpoch, "h", 0, [], digest);

        var problems = evidence.Verify([key]);

        Assert.Contains("the receipt names another erasure than its entry", problems);
        Assert.Contains("the receipt's ledger position (entries, lastHash) is not the one before its entry", problems);
    }
}
