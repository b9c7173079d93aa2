using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ContactsSdk.Testing.Tests;

public sealed class EmulatorHostingTests
{
    [Fact]
    public async Task It_listens_on_a_free_loopback_port()
    {
        await using var first = await MarketingCloudEmulator.StartAsync();
        await using var second = await MarketingCloudEmulator.StartAsync();

        Assert.Equal("http", first.BaseAddress.Scheme);
        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(first.BaseAddress.Host));
        Assert.Equal("/", first.BaseAddress.AbsolutePath);
        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
        Assert.Equal(new Uri(first.BaseAddress, "v2/token"), first.TokenEndpoint);
    }

    [Fact]
    public async Task Once_disposed_it_accepts_no_more_connections()
    {
        var emulator = await MarketingCloudEmulator.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = emulator.BaseAddress };

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("contacts/v1/contacts/actions/delete/status?operationID=1"));
    }

    [Fact]
    public async Task A_synchronous_dispose_stops_it_as_the_asynchronous_one_does()
    {
        var emulator = await MarketingCloudEmulator.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = emulator.BaseAddress };
        using (await http.GetAsync("contacts/v1/contacts/actions/delete/status?operationID=1"))
        {
        }

        emulator.Dispose();
        emulator.Dispose();
        await emulator.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("contacts/v1/contacts/actions/delete/status?operationID=1"));
    }

    [Fact]
    public async Task Statistics_count_requests_per_route_and_refusals()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "k");
        using (await harness.GetStatusAsync(1, token))
        using (await harness.GetStatusAsync(1, token: null))
        using (await harness.PostTokenAsync("{}"))
        {
        }

        var snapshot = harness.Emulator.Statistics.Snapshot();

        Assert.Equal(2, snapshot.TokenRequests);
        Assert.Equal(1, snapshot.DeleteRequests);
        Assert.Equal(2, snapshot.StatusRequests);
        Assert.Equal(2, snapshot.UnauthorizedResponses);
        Assert.Equal(0, snapshot.TooManyRequestsResponses);
        Assert.Equal(0, snapshot.TotalFaultsInjected);
    }

    [Fact]
    public async Task The_default_options_describe_a_working_tenant()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();

        Assert.Equal(EmulatorOptions.DefaultClientId, emulator.Credentials.ClientId);
        Assert.Equal(EmulatorOptions.DefaultClientSecret, emulator.Credentials.ClientSecret);
        Assert.Equal(EmulatorOptions.DefaultAccountId, emulator.Credentials.AccountId);
        Assert.Equal(EmulatorOptions.DefaultGrantedScope, emulator.Credentials.Scope);
        Assert.Same(TimeProvider.System, emulator.TimeProvider);
        Assert.Empty(emulator.Operations);
    }

    public static TheoryData<string, EmulatorOptions> InvalidOptions => new()
    {
        { "ClientId", new EmulatorOptions { ClientId = " " } },
        { "ClientSecret", new EmulatorOptions { ClientSecret = "" } },
        { "TokenLifetime", new EmulatorOptions { TokenLifetime = TimeSpan.Zero } },
        { "NumberOfRestorableDays", new EmulatorOptions { NumberOfRestorableDays = -1 } },
        { "PendingDuration", new EmulatorOptions { PendingDuration = TimeSpan.FromSeconds(-1) } },
        { "DeletePhaseDuration", new EmulatorOptions { DeletePhaseDuration = TimeSpan.FromSeconds(-1) } },
        { "DeleteCallFixedTime", new EmulatorOptions { DeleteCallFixedTime = TimeSpan.FromTicks(-1) } },
        { "DeleteCallFixedTime", new EmulatorOptions { DeleteCallFixedTime = EmulatorOptions.MaxDeleteCallFixedTime + TimeSpan.FromTicks(1) } },
        { "DeleteCallTimePerContact", new EmulatorOptions { DeleteCallTimePerContact = TimeSpan.FromTicks(-1) } },
        { "DeleteCallTimePerContact", new EmulatorOptions { DeleteCallTimePerContact = EmulatorOptions.MaxDeleteCallTimePerContact + TimeSpan.FromTicks(1) } },
        { "RateLimitMaxRequests", new EmulatorOptions { RateLimitMaxRequests = 0 } },
        { "RateLimitWindow", new EmulatorOptions { RateLimitWindow = TimeSpan.Zero } },
        { "ServerUtcOffset", new EmulatorOptions { ServerUtcOffset = TimeSpan.FromSeconds(30) } },
        { "ServerUtcOffset", new EmulatorOptions { ServerUtcOffset = TimeSpan.FromHours(15) } },
        { "Port", new EmulatorOptions { Port = 70000 } },
        { "TimeProvider", new EmulatorOptions { TimeProvider = null! } },
        { "OutcomeSelector", new EmulatorOptions { OutcomeSelector = null! } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task Options_that_cannot_work_are_refused_by_name(string setting, EmulatorOptions options)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => MarketingCloudEmulator.StartAsync(options));

        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public async Task A_failing_outcome_selector_fails_the_request_not_the_emulator()
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            OutcomeSelector = _ => throw new InvalidOperationException("selector bug"),
        });
        var token = await harness.GetTokenAsync();

        using var failed = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", token);
        using var status = await harness.GetStatusAsync(1, token);

        Assert.Equal(500, (int)failed.StatusCode);
        Assert.Equal(200, (int)status.StatusCode);
        Assert.Empty(harness.Emulator.Operations);
    }

    [Fact]
    public void The_fake_clock_start_is_the_route_document_moment()
    {
        // Keeps the expected wall times in other tests readable: 18:24:48.013Z is 14:24:48.013 at -04:00.
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 14, 24, 48, 13, TimeSpan.FromHours(-4)), new FakeTimeProvider(EmulatorHarness.Start).GetUtcNow());
    }
}
