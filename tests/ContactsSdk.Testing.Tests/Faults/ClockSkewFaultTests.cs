using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests.Faults;

public sealed class ClockSkewFaultTests
{
    [Fact]
    public async Task Every_reported_time_is_shifted_and_the_lifecycle_is_not()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ClockSkew(TimeSpan.FromMinutes(5)));

        using var skewed = await harness.GetStatusAsync(operationId, token);
        using var json = await EmulatorHarness.ReadJsonAsync(skewed);

        var root = json.RootElement;
        Assert.Equal("2019-07-02T12:29:48.013-06:00", root.GetProperty("responseDateTime").GetString());
        Assert.Equal("2019-07-02T12:29:48.013", root.GetProperty("operation").GetProperty("scheduledDate").GetString());
        Assert.Equal("2019-07-02T12:30:00", root.GetProperty("operation").GetProperty("createdDate").GetString());
        Assert.Equal("Pending", root.GetProperty("operation").GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 18, 29, 48, TimeSpan.Zero), skewed.Headers.Date);
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.ClockSkew));

        using var next = await harness.GetStatusJsonAsync(operationId, token);
        Assert.Equal("2019-07-02T12:24:48.013-06:00", next.RootElement.GetProperty("responseDateTime").GetString());
    }

    [Fact]
    public async Task A_skewed_server_writes_its_Retry_After_date_on_its_own_clock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(
            EmulatorRoute.Status,
            Fault.Combine(Fault.ClockSkew(TimeSpan.FromMinutes(-10)), Fault.TooManyRequests(TimeSpan.FromSeconds(30), asHttpDate: true)));

        using var limited = await harness.GetStatusAsync(1, token);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 18, 14, 48, TimeSpan.Zero), limited.Headers.Date);
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 18, 15, 19, TimeSpan.Zero), limited.Headers.RetryAfter?.Date);
        var statistics = harness.Emulator.Statistics.Snapshot();
        Assert.Equal(1, statistics.FaultsInjected[FaultKind.ClockSkew]);
        Assert.Equal(1, statistics.FaultsInjected[FaultKind.TooManyRequests]);
        Assert.Equal(2, statistics.TotalFaultsInjected);
    }

    [Fact]
    public async Task Without_skew_the_Date_header_follows_the_emulator_clock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Clock.Advance(TimeSpan.FromDays(3));

        using var response = await harness.GetStatusAsync(1, await harness.GetTokenAsync());

        Assert.Equal(new DateTimeOffset(2019, 7, 5, 18, 24, 48, TimeSpan.Zero), response.Headers.Date);
    }
}
