using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactsSdk.Testing.Tests.Support;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Testing.Tests;

public sealed class TokenRouteTests
{
    private static readonly string[] TokenKeys =
        ["access_token", "token_type", "expires_in", "scope", "rest_instance_url", "soap_instance_url"];

    private static readonly string[] OAuthErrorKeys = ["error", "error_description", "error_uri"];

    [Fact]
    public async Task Valid_credentials_get_a_bearer_token_for_the_emulator()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.PostTokenAsync(ValidBody(harness));
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        var root = json.RootElement;
        Assert.Equal(TokenKeys, JsonShape.KeysOf(root));
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.Equal(1080, root.GetProperty("expires_in").GetInt32());
        Assert.Equal(EmulatorOptions.DefaultGrantedScope, root.GetProperty("scope").GetString());
        Assert.Equal(harness.Emulator.BaseAddress.ToString(), root.GetProperty("rest_instance_url").GetString());
        Assert.Equal(harness.Emulator.BaseAddress.ToString(), root.GetProperty("soap_instance_url").GetString());
        Assert.True(root.GetProperty("access_token").GetString()!.Length >= 40);
    }

    [Fact]
    public async Task The_lifetime_is_configurable()
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            TokenLifetime = System.TimeSpan.FromSeconds(60),
        });

        using var response = await harness.PostTokenAsync(ValidBody(harness));
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(60, json.RootElement.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Every_token_is_a_fresh_random_string()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var tokens = new[] { await harness.GetTokenAsync(), await harness.GetTokenAsync(), await harness.GetTokenAsync() };

        Assert.Equal(3, tokens.Distinct().Count());
    }

    [Theory]
    [InlineData("\"100012345\"")]
    [InlineData("100012345")]
    public async Task The_account_id_is_optional_and_accepted_as_string_or_number(string accountId)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var body = ValidBody(harness);
        body["account_id"] = JsonNode.Parse(accountId);

        using var response = await harness.PostTokenAsync(body);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_requested_scope_is_narrowed_to_what_the_package_grants()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var body = ValidBody(harness);
        body["scope"] = "list_and_subscribers_read email_send";

        using var response = await harness.PostTokenAsync(body);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal("list_and_subscribers_read", json.RootElement.GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("grant_type", "password")]
    [InlineData("grant_type", null)]
    [InlineData("client_id", "someone-else")]
    [InlineData("client_id", null)]
    [InlineData("client_secret", "wrong-secret")]
    [InlineData("client_secret", null)]
    [InlineData("account_id", "999")]
    public async Task Wrong_credentials_or_grant_type_get_401_invalid_client(string field, string? value)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var body = ValidBody(harness);
        if (value is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = value;
        }

        using var response = await harness.PostTokenAsync(body);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(OAuthErrorKeys, JsonShape.KeysOf(json.RootElement));
        Assert.Equal("invalid_client", json.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error_description").GetString()));
        Assert.Equal(1, harness.Emulator.Statistics.UnauthorizedResponses);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("grant_type=client_credentials")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_a_JSON_object_gets_400_invalid_request(string body)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.PostTokenAsync(body);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(OAuthErrorKeys, JsonShape.KeysOf(json.RootElement));
        Assert.Equal("invalid_request", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_secret_never_appears_in_a_response_or_a_log()
    {
        const string secret = "S3cret-Value-That-Must-Not-Leak";
        var logs = new CapturingLoggerProvider();
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            ClientSecret = secret,
            LoggerFactory = logs.CreateFactory(),
        });
        var seen = new System.Collections.Generic.List<string>();

        async Task Send(JsonObject body)
        {
            using var response = await harness.PostTokenAsync(body);
            seen.Add(await response.Content.ReadAsStringAsync());
            seen.Add(response.Headers.ToString() + response.Content.Headers);
        }

        await Send(ValidBody(harness));
        var wrong = ValidBody(harness);
        wrong["client_secret"] = secret + "-but-longer";
        await Send(wrong);
        var swapped = ValidBody(harness);
        swapped["client_id"] = secret;
        await Send(swapped);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "key-1");
        using (var status = await harness.GetStatusAsync(operationId, token))
        {
            seen.Add(await status.Content.ReadAsStringAsync());
        }

        Assert.NotEmpty(logs.Entries);
        Assert.All(seen, text => Assert.DoesNotContain(secret, text));
        Assert.All(logs.Entries, entry => Assert.DoesNotContain(secret, entry));
        Assert.DoesNotContain(secret, harness.Emulator.Credentials.ToString());
    }

    private static JsonObject ValidBody(EmulatorHarness harness) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = harness.Emulator.Credentials.ClientId,
        ["client_secret"] = harness.Emulator.Credentials.ClientSecret,
    };
}
