using System;
using System.Net.Http;
using ContactsSdk.Authentication;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContactsSdk.Tests.Security;

/// <summary>
/// Where credentials may travel: options validation refuses clear-text endpoints off loopback and
/// anything but a bare subdomain, and the host rule hands tokens to Marketing Cloud's https hosts
/// or to the exact endpoint override only.
/// </summary>
public sealed class EndpointRulesTests
{
    private const string Secret = "s3cr3t-endpoint-rules";

    [Theory]
    [InlineData("http://127.0.0.1:5099/")]
    [InlineData("http://127.8.9.10/")]
    [InlineData("http://localhost:5099/")]
    [InlineData("http://[::1]:5099/")]
    [InlineData("https://sandbox.example.com/")]
    public void Loopback_http_and_any_https_endpoint_are_accepted(string endpoint)
    {
        Assert.True(new ContactsClientOptionsValidator().Validate(null, WithEndpoint(endpoint)).Succeeded);
    }

    [Theory]
    [InlineData("http://mc.example.com/")]
    [InlineData("http://10.0.0.7:8080/")]
    [InlineData("http://0.0.0.0:5099/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://127.0.0.1.example.com/")]
    [InlineData("http://[::ffff:10.0.0.7]/")]
    public void Clear_text_endpoints_off_loopback_are_refused(string endpoint)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ContactsClient(WithEndpoint(endpoint)));

        Assert.Contains("uses http:// on a non-loopback host", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mc1.evil.example")]
    [InlineData("mc1/evil")]
    [InlineData("mc1?x=1")]
    [InlineData("mc1#x")]
    [InlineData("evil.example@mc1")]
    [InlineData("mc1:443")]
    [InlineData("mc_1")]
    [InlineData("-mc1")]
    [InlineData("mc1-")]
    [InlineData("mc1.")]
    [InlineData("mc1\n")]
    [InlineData("\u043c\u04411")]
    [InlineData("mc\uFF11")]
    [InlineData("%6Dc1")]
    public void Anything_but_a_bare_subdomain_is_refused(string subdomain)
    {
        var options = new ContactsClientOptions { Subdomain = subdomain, ClientId = "client", ClientSecret = Secret };

        var error = Assert.Throws<OptionsValidationException>(() => new ContactsClient(options));

        Assert.Contains("is malformed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://mc1.rest.marketingcloudapis.com/contacts/v1", true)]
    [InlineData("https://MC1.AUTH.MARKETINGCLOUDAPIS.COM/v2/token", true)]
    [InlineData("http://mc1.rest.marketingcloudapis.com/", false)]
    [InlineData("https://mc1.rest.marketingcloudapis.com:8443/", false)]
    [InlineData("https://marketingcloudapis.com/", false)]
    [InlineData("https://evilmarketingcloudapis.com/", false)]
    [InlineData("https://mc1.rest.marketingcloudapis.com.evil.example/", false)]
    [InlineData("https://mc1.rest.marketingcloudapis.com@evil.example/", false)]
    [InlineData("https://evil.example/?next=.marketingcloudapis.com", false)]
    public void Without_an_override_tokens_go_to_Marketing_Cloud_https_hosts_only(string uri, bool allowed)
    {
        Assert.Equal(allowed, TokensFor(new ContactsClientOptions { Subdomain = "mc1", ClientId = "client", ClientSecret = Secret }).IsAllowedHost(new Uri(uri)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099/contacts/v1/anything", true)]
    [InlineData("http://127.0.0.1:5100/", false)]
    [InlineData("https://127.0.0.1:5099/", false)]
    [InlineData("http://localhost:5099/", false)]
    [InlineData("http://127.0.0.2:5099/", false)]
    [InlineData("https://mc1.rest.marketingcloudapis.com/", false)]
    public void With_an_override_tokens_go_to_its_scheme_host_and_port_only(string uri, bool allowed)
    {
        Assert.Equal(allowed, TokensFor(WithEndpoint("http://127.0.0.1:5099/")).IsAllowedHost(new Uri(uri)));
    }

    private static ContactsClientOptions WithEndpoint(string endpoint) =>
        new() { EndpointOverride = new Uri(endpoint), ClientId = "client", ClientSecret = Secret };

    /// <summary>Never used to send: the host rule is a pure check, asked without a request.</summary>
    private static readonly HttpClient Unused = new();

    private static MarketingCloudTokenProvider TokensFor(ContactsClientOptions options) => new(Unused, options);
}
