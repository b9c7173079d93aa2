using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

public sealed class RateLimitTests
{
    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(clock => new EmulatorOptions
    {
        TimeProvider = clock,
        RateLimitMaxRequests = 3,
        RateLimitWindow = TimeSpan.FromMinutes(1),
    });

    [Fact]
    public async Task Requests_over_the_limit_get_429_with_Retry_After_in_seconds()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await harness.GetStatusAsync(1, token);
            Assert.Equal(200, (int)allowed.StatusCode);
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(20.5));
        using var limited = await harness.GetStatusAsync(1, token);
        using var json = await EmulatorHarness.ReadJsonAsync(limited);

        Assert.Equal(429, (int)limited.StatusCode);
        // The rate limiting document's 50100 body, whose retryAfter matches the header.
        Assert.Equal(["message", "errorcode", "retryAfter", "documentation"], JsonShape.KeysOf(json.RootElement));
        Assert.Equal(50100, json.RootElement.GetProperty("errorcode").GetInt32());
        // 39.5 s are left in the window: rounded up, so a client that obeys is not early.
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(40, json.RootElement.GetProperty("retryAfter").GetInt32());
        Assert.Equal(1, harness.Emulator.Statistics.TooManyRequestsResponses);
    }

    [Fact]
    public async Task The_next_window_accepts_requests_again()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        for (var i = 0; i < 4; i++)
        {
            using var _ = await harness.GetStatusAsync(1, token);
        }

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        using var allowed = await harness.GetStatusAsync(1, token);

        Assert.Equal(200, (int)allowed.StatusCode);
    }

    [Fact]
    public async Task Delete_and_status_share_the_limit_and_a_refused_delete_creates_nothing()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "a");
        using (var status = await harness.GetStatusAsync(1, token))
        {
            Assert.Equal(200, (int)status.StatusCode);
        }

        await harness.DeleteKeysAsync(token, "b");
        using var limited = await harness.PostDeleteAsync("keys", """{"values":["c"]}""", token);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(2, harness.Emulator.Operations.Count);
    }

    [Fact]
    public async Task Token_requests_and_unauthorized_requests_do_not_count()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await harness.GetTokenAsync();
            using var anonymous = await harness.GetStatusAsync(1, token: null);
            Assert.Equal(401, (int)anonymous.StatusCode);
        }

        using var allowed = await harness.GetStatusAsync(1, await harness.GetTokenAsync());

        Assert.Equal(200, (int)allowed.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_limit_nothing_is_limited()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        for (var i = 0; i < 50; i++)
        {
            using var response = await harness.GetStatusAsync(1, token);
            Assert.Equal(200, (int)response.StatusCode);
        }
    }
}
