using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests.Faults;

public sealed class FaultPlanTests
{
    [Fact]
    public async Task A_queued_fault_hits_the_next_requests_to_its_route_as_many_times_as_asked()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.InternalServerError(), times: 2);
        Assert.Equal(2, harness.Emulator.Faults.QueuedCount);

        // A delete is not a status request: the fault waits for the status route.
        await harness.DeleteKeysAsync(token, "k");
        var statuses = await StatusCodesAsync(harness, token, 3);

        Assert.Equal([500, 500, 200], statuses);
        Assert.Equal(0, harness.Emulator.Faults.QueuedCount);
    }

    [Fact]
    public async Task Queued_faults_hit_in_the_order_they_were_queued()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Contacts, Fault.InternalServerError());
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ServiceUnavailable());
        harness.Emulator.Faults.Enqueue(EmulatorRoute.All, Fault.QuotaExceeded());

        var statuses = await StatusCodesAsync(harness, token, 4);

        Assert.Equal([500, 503, 429, 200], statuses);
    }

    [Fact]
    public async Task A_rule_draws_from_the_seeded_random_source_so_a_run_replays_identically()
    {
        async Task<IReadOnlyList<int>> RunAsync(int seed)
        {
            await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, FaultSeed = seed });
            harness.Emulator.Faults.AddRule(EmulatorRoute.Status, Fault.ServiceUnavailable(), probability: 0.5);
            return await StatusCodesAsync(harness, await harness.GetTokenAsync(), 24);
        }

        var first = await RunAsync(7);
        var replay = await RunAsync(7);

        Assert.Equal(first, replay);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task A_rules_draw_for_a_request_does_not_depend_on_how_other_requests_interleave_with_it()
    {
        // The same reads of two operations, one after the other in the first run and alternating in
        // the second (as concurrent callers interleave differently on a busy machine).
        async Task<(List<int> First, List<int> Second)> RunAsync(bool interleaved)
        {
            await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, FaultSeed = 7 });
            var token = await harness.GetTokenAsync();
            harness.Emulator.Faults.AddRule(EmulatorRoute.Status, Fault.ServiceUnavailable(), probability: 0.5);
            var order = interleaved
                ? Enumerable.Range(0, 24).Select(i => i % 2 == 0 ? 1L : 2L)
                : Enumerable.Repeat(1L, 12).Concat(Enumerable.Repeat(2L, 12));
            var codes = new Dictionary<long, List<int>> { [1] = [], [2] = [] };
            foreach (var operationId in order)
            {
                using var response = await harness.GetStatusAsync(operationId, token);
                codes[operationId].Add((int)response.StatusCode);
            }

            return (codes[1], codes[2]);
        }

        var oneAfterTheOther = await RunAsync(interleaved: false);
        var alternating = await RunAsync(interleaved: true);

        Assert.Equal(oneAfterTheOther.First, alternating.First);
        Assert.Equal(oneAfterTheOther.Second, alternating.Second);
        Assert.Contains(503, oneAfterTheOther.First.Concat(oneAfterTheOther.Second));
        // Each operation's reads draw on their own: the two sequences are not one sequence repeated.
        Assert.NotEqual(oneAfterTheOther.First, oneAfterTheOther.Second);
    }

    [Fact]
    public async Task A_rule_stops_after_its_maximum_and_queued_faults_go_first()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.AddRule(EmulatorRoute.Status, Fault.ServiceUnavailable(), probability: 1, maxInjections: 2);
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.InternalServerError());

        var statuses = await StatusCodesAsync(harness, token, 5);

        Assert.Equal([500, 503, 503, 200, 200], statuses);
        Assert.Equal(2, harness.Emulator.Statistics.FaultsInjected(FaultKind.ServiceUnavailable));
    }

    [Fact]
    public async Task Clear_removes_queued_faults_and_rules()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.InternalServerError(), times: 3);
        harness.Emulator.Faults.AddRule(EmulatorRoute.Status, Fault.ServiceUnavailable(), probability: 1);

        harness.Emulator.Faults.Clear();

        Assert.Equal([200, 200], await StatusCodesAsync(harness, token, 2));
        Assert.Equal(0, harness.Emulator.Statistics.Snapshot().TotalFaultsInjected);
    }

    [Fact]
    public async Task The_plan_refuses_what_cannot_work()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var faults = harness.Emulator.Faults;
        var fault = Fault.InternalServerError();

        Assert.Throws<ArgumentException>(() => faults.Enqueue(EmulatorRoute.None, fault));
        Assert.Throws<ArgumentException>(() => faults.Enqueue((EmulatorRoute)(1 << 30), fault));
        Assert.Throws<ArgumentNullException>(() => faults.Enqueue(EmulatorRoute.Status, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Enqueue(EmulatorRoute.Status, fault, times: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.AddRule(EmulatorRoute.Status, fault, probability: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.AddRule(EmulatorRoute.Status, fault, probability: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.AddRule(EmulatorRoute.Status, fault, probability: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.AddRule(EmulatorRoute.Status, fault, 0.5, maxInjections: 0));
    }

    [Fact]
    public void The_factories_refuse_what_cannot_work()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.TooManyRequests(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.ServiceUnavailable(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.SlowResponse(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentException>(() => Fault.MissingFields());
        Assert.Throws<ArgumentException>(() => Fault.MissingFields("operation..status"));
        Assert.Throws<ArgumentException>(() => Fault.UnknownOperationStatus(" "));
        Assert.Throws<ArgumentException>(() => Fault.Combine(Fault.MalformedJson()));
        Assert.Throws<ArgumentException>(() => Fault.Combine(Fault.MalformedJson(), null!));
    }

    [Fact]
    public void A_combined_fault_reports_every_kind_and_only_the_routes_all_of_them_apply_to()
    {
        var combined = Fault.Combine(Fault.ClockSkew(TimeSpan.FromHours(1)), Fault.UnknownOperationStatus(), Fault.SlowResponse(TimeSpan.FromSeconds(1)));

        Assert.Equal([FaultKind.ClockSkew, FaultKind.UnknownOperationStatus, FaultKind.SlowResponse], combined.Kinds);
        Assert.Equal(EmulatorRoute.Status, combined.ApplicableRoutes);
        Assert.Contains("skew", combined.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_fault_kind_has_its_own_counter()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var snapshot = harness.Emulator.Statistics.Snapshot();

        Assert.Equal(Enum.GetValues<FaultKind>().Order(), snapshot.FaultsInjected.Keys.Order());
        Assert.All(snapshot.FaultsInjected.Values, count => Assert.Equal(0, count));
    }

    private static async Task<IReadOnlyList<int>> StatusCodesAsync(EmulatorHarness harness, string token, int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await harness.GetStatusAsync(1, token);
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }
}
