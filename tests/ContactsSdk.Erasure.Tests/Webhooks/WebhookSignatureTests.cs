using System;
using System.Text;
using ContactsSdk.Erasure.Webhooks;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Webhooks;

/// <summary>The published signature scheme, checked as a receiver checks it.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-test-0123456789";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":\"erasure.closed\"}");

    [Fact]
    public void A_signature_made_with_the_secret_verifies_within_the_tolerance()
    {
        var header = WebhookSignature.Create(Secret, SignedAt, Body);

        Assert.StartsWith("t=1796000000,v1=", header);
        Assert.True(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(4), WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify(Secret, header, "{\"type\":\"erasure.closed\"}", SignedAt, TimeSpan.Zero));
    }

    [Fact]
    public void The_documented_example_is_the_HMAC_of_the_timestamp_a_dot_and_the_body()
    {
        // docs/erasure-service.md checks this by hand with openssl; the same values here.
        Assert.Equal(
            "t=1796000000,v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1796000000.{\"type\":\"erasure.closed\"}"))),
            WebhookSignature.Create(Secret, SignedAt, Body));
        Assert.Equal("t=1796000000,v1=" + DocumentedSignature, WebhookSignature.Create(Secret, SignedAt, Body));
    }

    [Fact]
    public void Another_secret_a_changed_body_or_a_stale_or_future_timestamp_fails()
    {
        var header = WebhookSignature.Create(Secret, SignedAt, Body);

        Assert.False(WebhookSignature.Verify("whsec-other-0123456789", header, Body, SignedAt, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Encoding.UTF8.GetBytes("{\"type\":\"erasure.closed\" }"), SignedAt, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(6), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(-6), WebhookSignature.DefaultTolerance));
        // A replayed body under a new timestamp without a new MAC fails too.
        Assert.False(WebhookSignature.Verify(Secret, header.Replace("t=1796000000", "t=1796000100", StringComparison.Ordinal), Body, SignedAt.AddSeconds(100), WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=00")]
    [InlineData("t=,v1=")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=99999999999999999999,v1=00")]
    [InlineData("t=1796000000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1796000000")]
    public void A_missing_or_malformed_header_fails_without_throwing(string? header)
    {
        Assert.False(WebhookSignature.Verify(Secret, header, Body, SignedAt, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Any_one_of_several_v1_values_may_match()
    {
        var valid = WebhookSignature.Create(Secret, SignedAt, Body);
        var header = "t=1796000000,v1=" + new string('0', 64) + "," + valid.Split(',')[1];

        Assert.True(WebhookSignature.Verify(Secret, header, Body, SignedAt, WebhookSignature.DefaultTolerance));
    }

    /// <summary>The v1 value docs/erasure-service.md shows for this secret, timestamp and body.</summary>
    internal const string DocumentedSignature = "92f14441dc6a53ee3a83e7e3bc528d2d4396439c5d0cff7a4940f2f7a0f88e31";
}
