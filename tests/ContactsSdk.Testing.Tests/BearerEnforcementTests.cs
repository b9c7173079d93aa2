using System;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ContactsSdk.Testing.Tests;

public sealed class BearerEnforcementTests
{
    private static readonly string[] GatewayErrorKeys = ["message", "errorcode", "documentation"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic ZW11bGF0b3I6c2VjcmV0")]
    [InlineData("Bearer not-a-token-the-emulator-issued")]
    public async Task A_missing_or_unknown_token_gets_401_Not_Authorized(string? authorization)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.GetTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "contacts/v1/contacts/actions/delete/status?operationID=1");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await harness.Http.SendAsync(request);

        await AssertNotAuthorizedAsync(response);
    }

    [Fact]
    public async Task The_scheme_is_case_insensitive()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "contacts/v1/contacts/actions/delete/status?operationID=1");
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Both_Contacts_routes_need_a_token()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var delete = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", token: null);
        using var status = await harness.GetStatusAsync(1, token: null);

        await AssertNotAuthorizedAsync(delete);
        await AssertNotAuthorizedAsync(status);
        Assert.Empty(harness.Emulator.Operations);
        Assert.Equal(2, harness.Emulator.Statistics.UnauthorizedResponses);
    }

    [Fact]
    public async Task A_token_clock_of_its_own_keeps_tokens_alive_while_the_lifecycle_clock_races()
    {
        var tokenClock = new FakeTimeProvider(EmulatorHarness.Start);
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            TokenTimeProvider = tokenClock,
        });
        var token = await harness.GetTokenAsync();

        // Fourteen lifecycle days: an accelerated demo clock passes them in seconds.
        harness.Clock.Advance(TimeSpan.FromDays(14));
        using (var stillValid = await harness.GetStatusAsync(1, token))
        {
            Assert.Equal(200, (int)stillValid.StatusCode);
        }

        tokenClock.Advance(EmulatorOptions.DefaultTokenLifetime);
        using var expired = await harness.GetStatusAsync(1, token);

        await AssertNotAuthorizedAsync(expired);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_on_the_emulator_clock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        harness.Clock.Advance(EmulatorOptions.DefaultTokenLifetime - TimeSpan.FromTicks(1));
        using (var stillValid = await harness.GetStatusAsync(1, token))
        {
            Assert.Equal(200, (int)stillValid.StatusCode);
        }

        harness.Clock.Advance(TimeSpan.FromTicks(1));
        using var expired = await harness.GetStatusAsync(1, token);

        await AssertNotAuthorizedAsync(expired);
    }

    [Fact]
    public async Task Revoking_all_tokens_refuses_them_until_a_new_one_is_requested()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.GetTokenAsync();
        var second = await harness.GetTokenAsync();

        harness.Emulator.RevokeAllTokens();

        using (var one = await harness.GetStatusAsync(1, first))
        using (var two = await harness.GetStatusAsync(1, second))
        {
            await AssertNotAuthorizedAsync(one);
            await AssertNotAuthorizedAsync(two);
        }

        using var fresh = await harness.GetStatusAsync(1, await harness.GetTokenAsync());
        Assert.Equal(200, (int)fresh.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_write_scope_cannot_delete_but_can_read()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var readOnly = await harness.GetTokenAsync(scope: "list_and_subscribers_read");

        using var delete = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", readOnly);
        using var status = await harness.GetStatusAsync(1, readOnly);

        Assert.Equal(403, (int)delete.StatusCode);
        using var json = await EmulatorHarness.ReadJsonAsync(delete);
        Assert.Equal(GatewayErrorKeys, JsonShape.KeysOf(json.RootElement));
        Assert.Equal(200, (int)status.StatusCode);
        Assert.Empty(harness.Emulator.Operations);
    }

    [Fact]
    public async Task An_unknown_Contacts_path_is_checked_for_a_token_before_it_is_not_found()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var anonymous = await harness.Http.GetAsync("contacts/v1/contacts/nothing-here");
        using var authorized = new HttpRequestMessage(HttpMethod.Get, "contacts/v1/contacts/nothing-here");
        authorized.Headers.Authorization = new("Bearer", token);
        using var notFound = await harness.Http.SendAsync(authorized);

        await AssertNotAuthorizedAsync(anonymous);
        Assert.Equal(404, (int)notFound.StatusCode);
        using var json = await EmulatorHarness.ReadJsonAsync(notFound);
        Assert.Equal(GatewayErrorKeys, JsonShape.KeysOf(json.RootElement));
    }

    internal static async Task AssertNotAuthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(401, (int)response.StatusCode);
        using var json = await EmulatorHarness.ReadJsonAsync(response);
        Assert.Equal(GatewayErrorKeys, JsonShape.KeysOf(json.RootElement));
        Assert.Equal("Not Authorized", json.RootElement.GetProperty("message").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("errorcode").GetInt32());
        Assert.StartsWith("https://", json.RootElement.GetProperty("documentation").GetString());
    }
}
