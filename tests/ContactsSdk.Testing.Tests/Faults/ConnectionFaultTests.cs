using System;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests.Faults;

public sealed class ConnectionFaultTests
{
    // Only a safety net against a hung test; nothing waits on the real clock for the emulator's timing.
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_connection_dropped_before_processing_leaves_no_operation()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionBeforeProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.PostDeleteAsync("keys", """{"values":["k"]}""", token));

        Assert.Empty(harness.Emulator.Operations);
        // Received once: the client saw the failure rather than silently resending.
        Assert.Equal(1, harness.Emulator.Statistics.DeleteRequests);
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.DropConnectionBeforeProcessing));
        Assert.Equal(1, await harness.DeleteKeysAsync(token, "k"));
    }

    [Fact]
    public async Task A_connection_dropped_after_processing_leaves_the_operation_created()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.PostDeleteAsync("keys", """{"values":["k"]}""", token));

        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(["k"], operation.Request.Keys);
        Assert.Equal(1, harness.Emulator.Statistics.DeleteRequests);
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.DropConnectionAfterProcessing));
        Assert.Equal(2, await harness.DeleteKeysAsync(token, "k"));
    }

    [Theory]
    [InlineData(EmulatorRoute.Token)]
    [InlineData(EmulatorRoute.Status)]
    public async Task Any_route_can_lose_its_connection(EmulatorRoute route)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(route, Fault.DropConnectionBeforeProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            if (route == EmulatorRoute.Token)
            {
                await harness.GetTokenAsync();
            }
            else
            {
                using var _ = await harness.GetStatusAsync(1, token);
            }
        });

        var statistics = harness.Emulator.Statistics;
        var received = route == EmulatorRoute.Token ? statistics.TokenRequests : statistics.StatusRequests;
        // Received once (the token route also served the harness's first token request).
        Assert.Equal(route == EmulatorRoute.Token ? 2 : 1, received);
    }

    [Fact]
    public async Task A_slow_response_arrives_only_once_the_emulator_clock_has_moved_by_the_delay()
    {
        ObservableTimeProvider? time = null;
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = time = new ObservableTimeProvider(clock),
        });
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.SlowResponse(TimeSpan.FromSeconds(30)));

        var pending = harness.PostDeleteAsync("keys", """{"values":["k"]}""", token);
        await time!.TimerCreated.WaitAsync(Safety);

        // Processed at once, answered late.
        Assert.Single(harness.Emulator.Operations);
        harness.Clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.False(pending.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromTicks(1));
        using var response = await pending.WaitAsync(Safety);

        Assert.Equal(200, (int)response.StatusCode);
        using var json = await EmulatorHarness.ReadJsonAsync(response);
        Assert.Equal(1, json.RootElement.GetProperty("operationID").GetInt64());
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.SlowResponse));
    }

    [Fact]
    public async Task Stopping_the_emulator_releases_a_response_held_by_a_delay()
    {
        ObservableTimeProvider? time = null;
        var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = time = new ObservableTimeProvider(clock),
        });
        await using (harness)
        {
            var token = await harness.GetTokenAsync();
            harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.SlowResponse(TimeSpan.FromDays(1)));
            var pending = harness.GetStatusAsync(1, token);
            await time!.TimerCreated.WaitAsync(Safety);

            await harness.Emulator.DisposeAsync().AsTask().WaitAsync(Safety);

            await Assert.ThrowsAsync<HttpRequestException>(() => pending.WaitAsync(Safety));
        }
    }
}
