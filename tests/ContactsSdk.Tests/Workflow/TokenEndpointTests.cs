using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Authentication;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>
/// The token route as the spec describes it, over a real loopback server: the request body the
/// generated model writes, the documented response (a rest_instance_url without a scheme), and
/// answers that show the endpoint address is wrong, which must say so instead of blaming the credentials.
/// </summary>
public sealed class TokenEndpointTests
{
    private const string Secret = "s3cr3t-" + "4b1d";
    private const string StatusBody = """{"operation":{"status":"Pending"},"resultMessages":[]}""";

    [Fact]
    public async Task The_token_request_is_the_documented_body_and_the_documented_answer_is_accepted()
    {
        await using var server = await ScriptedServer.StartAsync();
        // The spec's example of the token response: rest_instance_url has no scheme.
        server.Enqueue(new ScriptedResponse(200, SpecDocument.ResponseExample("/v2/token", "post", "200", "issued")));
        server.Enqueue(new ScriptedResponse(200, StatusBody));
        using var client = new ContactsClient(Options(server));

        var status = await client.GetDeletionStatusAsync(7);

        Assert.Equal("Pending", status.Operation?.Status);
        var tokenRequest = server.Requests.First();
        Assert.Equal(("POST", "/v2/token"), (tokenRequest.Method, tokenRequest.Path));
        var statusRequest = server.Requests.Last();
        Assert.Equal("Bearer YOUR_ACCESS_TOKEN", statusRequest.Headers["Authorization"]);
    }

    [Fact]
    public async Task The_token_request_body_has_the_documented_fields_and_leaves_out_the_unset_ones()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, SpecDocument.ResponseExample("/v2/token", "post", "200", "issued")));
        var options = Options(server);
        options.AccountId = new AccountId(100012345);
        var provider = new MarketingCloudTokenProvider(new System.Net.Http.HttpClient(), options);

        await provider.GetTokenAsync(CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(server.Bodies));
        // The spec's AccessTokenRequest fields (in Kiota's order); scope is not set, so it is not sent.
        Assert.Equal(["account_id", "client_id", "client_secret", "grant_type"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("client_credentials", body.RootElement.GetProperty("grant_type").GetString());
        Assert.Equal("100012345", body.RootElement.GetProperty("account_id").GetString());
    }

    [Theory]
    [InlineData("mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/", "https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/")]
    [InlineData("https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/", "https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/")]
    [InlineData("", null)]
    [InlineData("ftp://example.com/", null)]
    [InlineData("not a host at all", null)]
    public void A_rest_instance_url_without_a_scheme_is_read_as_https(string value, string? expected)
    {
        Assert.Equal(expected, TokenRequest.RestInstanceUrl(value)?.ToString());
    }

    [Fact]
    public async Task A_404_from_the_token_endpoint_is_about_the_endpoint_not_the_credentials()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(404, ""));
        using var client = new ContactsClient(Options(server));

        var error = await Assert.ThrowsAsync<ContactsAuthenticationException>(() => client.GetDeletionStatusAsync(7));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("does not exist (HTTP 404)", error.Message, StringComparison.Ordinal);
        Assert.Contains("/v2/token", error.Message, StringComparison.Ordinal);
        Assert.Contains("Subdomain", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(502)]
    public async Task An_HTML_page_from_the_token_endpoint_is_about_the_endpoint_not_the_credentials(int status)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(status, "\n  <!DOCTYPE html><html><head><title>Sign in</title></head><body>Portal</body></html>"));
        // The first answer's diagnosis (a 502 or an HTML 200 is otherwise retried by the policy).
        var options = Options(server);
        options.Retry.MaxRetries = 0;
        using var client = new ContactsClient(options);

        var error = await Assert.ThrowsAsync<ContactsAuthenticationException>(() => client.GetDeletionStatusAsync(7));

        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
        Assert.Contains("Subdomain", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_invalid_client_answer_is_about_the_credentials()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(401, SpecDocument.ResponseExample("/v2/token", "post", "401", "invalidClient")));
        using var client = new ContactsClient(Options(server));

        var error = await Assert.ThrowsAsync<ContactsAuthenticationException>(() => client.GetDeletionStatusAsync(7));

        Assert.Equal(("invalid_client", 401), (error.Error, error.StatusCode));
        Assert.Contains("Check ClientId, ClientSecret and AccountId.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid client ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_that_carries_an_OAuth_error_is_reported_as_that_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(404, """{"error":"invalid_request","error_description":"Unknown account."}"""));
        using var client = new ContactsClient(Options(server));

        var error = await Assert.ThrowsAsync<ContactsAuthenticationException>(() => client.GetDeletionStatusAsync(7));

        Assert.Equal("invalid_request", error.Error);
        Assert.Contains("Unknown account.", error.Message, StringComparison.Ordinal);
    }

    private static ContactsClientOptions Options(ScriptedServer server) => new()
    {
        EndpointOverride = server.BaseAddress,
        ClientId = "client-id",
        ClientSecret = Secret,
    };
}
