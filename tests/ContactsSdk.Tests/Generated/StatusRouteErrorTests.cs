using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Generated;

/// <summary>Gateway error bodies become the typed GatewayError exception the spec maps them to.</summary>
public sealed class StatusRouteErrorTests
{
    [Theory]
    [InlineData(401, 0, "Not Authorized")]
    [InlineData(403, 0, "Insufficient privileges")]
    [InlineData(404, 0, "Resource not found")]
    [InlineData(500, 0, "Internal server error")]
    [InlineData(503, 50300, "Service unavailable")]
    public async Task An_error_status_becomes_a_typed_gateway_error(int status, int errorCode, string message)
    {
        var error = await CallWithResponseAsync(new ScriptedResponse(status,
            $"{{\"message\":\"{message}\",\"errorcode\":{errorCode},\"documentation\":\"https://example.invalid/errors\"}}"));

        Assert.Equal(status, error.ResponseStatusCode);
        Assert.Equal(errorCode, error.Errorcode);
        Assert.Equal(message, error.Message);
        Assert.Equal("https://example.invalid/errors", error.Documentation);
    }

    [Fact]
    public async Task A_rate_limit_keeps_its_error_code_and_retry_after_header()
    {
        var error = await CallWithResponseAsync(new ScriptedResponse(429,
            "{\"message\":\"Too many requests\",\"errorcode\":50100,\"documentation\":\"https://example.invalid/limits\"}",
            new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "7" }));

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal(50100, error.Errorcode);
        Assert.Equal("Too many requests", error.Message);
        var retryAfter = error.ResponseHeaders.Single(h => h.Key.Equals("Retry-After", System.StringComparison.OrdinalIgnoreCase));
        Assert.Equal("7", Assert.Single(retryAfter.Value));
    }

    private static async Task<GatewayError> CallWithResponseAsync(ScriptedResponse response)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(response);
        using var http = new HttpClient();
        var client = GeneratedClientFactory.Create(server.BaseAddress, http);

        return await Assert.ThrowsAsync<GatewayError>(
            () => client.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = 5));
    }
}
