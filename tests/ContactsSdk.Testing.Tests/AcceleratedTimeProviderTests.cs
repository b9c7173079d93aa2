using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using ContactsSdk.Testing.Time;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The accelerated clock, driven by a fake one so that no test waits in real time.</summary>
public sealed class AcceleratedTimeProviderTests
{
    private const double DayPerSecond = 86_400;

    [Fact]
    public void Time_runs_factor_times_faster_than_the_driving_clock()
    {
        var driver = new FakeTimeProvider(EmulatorHarness.Start);
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var accelerated = new AcceleratedTimeProvider(DayPerSecond, driver, start);

        Assert.Equal(start, accelerated.GetUtcNow());
        driver.Advance(TimeSpan.FromSeconds(1.5));

        Assert.Equal(start + TimeSpan.FromDays(1.5), accelerated.GetUtcNow());
        Assert.Equal(DayPerSecond, accelerated.Factor);
    }

    [Fact]
    public void Elapsed_time_measured_with_timestamps_is_accelerated_too()
    {
        var driver = new FakeTimeProvider(EmulatorHarness.Start);
        var accelerated = new AcceleratedTimeProvider(60, driver);
        var before = accelerated.GetTimestamp();

        driver.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromMinutes(2), accelerated.GetElapsedTime(before));
    }

    [Fact]
    public async Task A_delay_on_the_accelerated_clock_is_compressed()
    {
        var driver = new FakeTimeProvider(EmulatorHarness.Start);
        var accelerated = new AcceleratedTimeProvider(DayPerSecond, driver);

        var delay = Task.Delay(TimeSpan.FromDays(2), accelerated);
        driver.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        Assert.False(delay.IsCompleted);
        driver.Advance(TimeSpan.FromTicks(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Changing_a_timer_keeps_the_accelerated_time_scale()
    {
        var driver = new FakeTimeProvider(EmulatorHarness.Start);
        var accelerated = new AcceleratedTimeProvider(10, driver);
        var fired = 0;
        using var timer = accelerated.CreateTimer(_ => Interlocked.Increment(ref fired), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(100), Timeout.InfiniteTimeSpan);
        driver.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, fired);
        driver.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, fired);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void The_factor_must_be_positive_and_finite(double factor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(factor));
    }

    [Fact]
    public async Task Fourteen_restorable_days_pass_in_seconds_of_the_driving_clock()
    {
        var driver = new FakeTimeProvider(EmulatorHarness.Start);
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = new AcceleratedTimeProvider(DayPerSecond, driver),
            PendingDuration = TimeSpan.FromHours(1),
            // The test times the restorable days after a PendingDuration; the queue has its own tests.
            DeleteQueueEnabled = false,
            DeletePhaseDuration = TimeSpan.FromHours(6),
        });
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = emulator.BaseAddress };
        using var tokenResponse = await http.PostAsync("v2/token", new StringContent(
            $$"""{"grant_type":"client_credentials","client_id":"{{emulator.Credentials.ClientId}}","client_secret":"{{emulator.Credentials.ClientSecret}}"}""",
            Encoding.UTF8,
            "application/json"));
        using var token = await EmulatorHarness.ReadJsonAsync(tokenResponse);
        using var delete = new HttpRequestMessage(HttpMethod.Post, "contacts/v1/contacts/actions/delete?type=keys")
        {
            Content = new StringContent("""{"values":["k"]}""", Encoding.UTF8, "application/json"),
        };
        delete.Headers.Authorization = new("Bearer", token.RootElement.GetProperty("access_token").GetString());
        using var deleted = await http.SendAsync(delete);
        var operation = Assert.Single(emulator.Operations);

        // 1 h + 14 d + 6 h of emulated time is 14.2917 s of the driving clock.
        driver.Advance(TimeSpan.FromSeconds(14.29));
        Assert.Equal(OperationPhase.DeleteProcessing, operation.StateAt(emulator.TimeProvider.GetUtcNow()).Phase);
        driver.Advance(TimeSpan.FromSeconds(0.01));
        Assert.Equal(OperationPhase.DeleteFinished, operation.StateAt(emulator.TimeProvider.GetUtcNow()).Phase);
    }
}
