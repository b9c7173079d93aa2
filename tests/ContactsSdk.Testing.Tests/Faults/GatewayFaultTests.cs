using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests.Faults;

public sealed class GatewayFaultTests
{
    [Fact]
    public async Task TooManyRequests_sends_429_50100_with_Retry_After_in_seconds_once()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(30)));

        using var limited = await harness.GetStatusAsync(1, token);
        using var next = await harness.GetStatusAsync(1, token);

        await AssertGatewayErrorAsync(limited, 429, 50100);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(200, (int)next.StatusCode);
        var statistics = harness.Emulator.Statistics.Snapshot();
        Assert.Equal(1, statistics.FaultsInjected[FaultKind.TooManyRequests]);
        Assert.Equal(1, statistics.TooManyRequestsResponses);
        Assert.Equal(1, statistics.TotalFaultsInjected);
    }

    [Fact]
    public async Task TooManyRequests_can_send_Retry_After_as_an_HTTP_date_on_the_emulator_clock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(30), asHttpDate: true));

        using var limited = await harness.GetStatusAsync(1, token);

        await AssertGatewayErrorAsync(limited, 429, 50100);
        // 18:24:48.013 + 30 s, rounded up to the whole second an HTTP date can express.
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 18, 25, 19, TimeSpan.Zero), limited.Headers.RetryAfter?.Date);
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 18, 24, 48, TimeSpan.Zero), limited.Headers.Date);
    }

    [Fact]
    public async Task QuotaExceeded_sends_429_50200_without_Retry_After()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.QuotaExceeded());

        using var limited = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", token);

        await AssertGatewayErrorAsync(limited, 429, 50200);
        Assert.Null(limited.Headers.RetryAfter);
        Assert.Empty(harness.Emulator.Operations);
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.QuotaExceeded));
    }

    [Fact]
    public async Task InternalServerError_sends_500()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.InternalServerError());

        using var failed = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", token);

        await AssertGatewayErrorAsync(failed, 500, expectedErrorCode: null);
        Assert.Empty(harness.Emulator.Operations);
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.InternalServerError));
    }

    [Fact]
    public async Task ServiceUnavailable_sends_503_50300_with_an_optional_Retry_After()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ServiceUnavailable());
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ServiceUnavailable(TimeSpan.FromSeconds(5)));

        using var plain = await harness.GetStatusAsync(1, token);
        using var withRetryAfter = await harness.GetStatusAsync(1, token);

        await AssertGatewayErrorAsync(plain, 503, 50300);
        Assert.Null(plain.Headers.RetryAfter);
        await AssertGatewayErrorAsync(withRetryAfter, 503, 50300);
        Assert.Equal(TimeSpan.FromSeconds(5), withRetryAfter.Headers.RetryAfter?.Delta);
        Assert.Equal(2, harness.Emulator.Statistics.FaultsInjected(FaultKind.ServiceUnavailable));
    }

    [Fact]
    public async Task The_token_route_can_fail_too()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Token, Fault.ServiceUnavailable());

        using var failed = await harness.PostTokenAsync(
            $$"""{"grant_type":"client_credentials","client_id":"{{harness.Emulator.Credentials.ClientId}}","client_secret":"{{harness.Emulator.Credentials.ClientSecret}}"}""");

        await AssertGatewayErrorAsync(failed, 503, 50300);
        Assert.NotNull(await harness.GetTokenAsync());
    }

    internal static async Task AssertGatewayErrorAsync(System.Net.Http.HttpResponseMessage response, int statusCode, int? expectedErrorCode)
    {
        Assert.Equal(statusCode, (int)response.StatusCode);
        using var json = await EmulatorHarness.ReadJsonAsync(response);
        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        if (expectedErrorCode is { } code)
        {
            Assert.Equal(code, json.RootElement.GetProperty("errorcode").GetInt32());
        }
    }
}
