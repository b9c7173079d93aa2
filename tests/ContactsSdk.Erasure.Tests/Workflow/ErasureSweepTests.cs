using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Erasure.Workflow;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// The delete-requests sweep against the emulator on a fake clock: what it lists decides only who
/// reads a status and when; the status route still decides every verdict.
/// </summary>
public sealed class ErasureSweepTests
{
    [Fact]
    public async Task A_finished_deletion_is_woken_now_and_one_still_processing_is_postponed_past_the_next_sweep()
    {
        // Deletions without restorable days: one-minute calls in the delete queue, ten minutes deleting,
        // so the first deletion is over within the 15 minutes below. The second request goes out while
        // the first is still counted in Marketing Cloud's queue (nothing here reads the first's status).
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            NumberOfRestorableDays = 0,
            DeleteCallFixedTime = TimeSpan.FromMinutes(1),
            DeleteCallTimePerContact = TimeSpan.Zero,
        }, o => o.MaxDeleteRequestsInQueue = 2);
        var first = await harness.AcceptAsync("sweep-1");
        // The first deletion ends; then a second is accepted.
        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        var second = await harness.AcceptAsync("sweep-2");

        var plan = await harness.Get<ErasureSweep>().PlanAsync(default);

        var now = harness.Clock.GetUtcNow();
        Assert.Equal((2, 1, 1, 0), (plan.Followed, plan.Finished, plan.StillProcessing, plan.NotListed));
        Assert.Equal(now, plan.Wakeups.Single(w => w.ErasureId == first).At);
        Assert.Equal(now + (ErasureOptions.DefaultMaxPollInterval * 1.5), plan.Wakeups.Single(w => w.ErasureId == second).At);
        Assert.Equal(1, harness.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
    }

    [Fact]
    public async Task Erasures_the_route_does_not_list_keep_their_own_schedule_and_still_close_on_the_status_route()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var erasure = await harness.AcceptAsync("unlisted");
        harness.Emulator.Faults.AddRule(EmulatorRoute.DeleteRequests, Fault.MissingFields("operations"), probability: 1);

        var plan = await harness.Get<ErasureSweep>().PlanAsync(default);

        Assert.Equal((1, 0, 0, 1), (plan.Followed, plan.Finished, plan.StillProcessing, plan.NotListed));
        Assert.Empty(plan.Wakeups);
        await harness.RunToEndAsync(erasure);
        Assert.Equal(ErasureVerdict.Deleted, (await harness.Service.GetAsync("unlisted"))!.Verdict);
    }

    [Fact]
    public async Task A_failing_route_fails_the_sweep_and_moves_no_wake_up()
    {
        await using var harness = await ErasureHarness.StartAsync();
        await harness.AcceptAsync("route-down");
        harness.Emulator.Faults.AddRule(EmulatorRoute.DeleteRequests, Fault.InternalServerError(), probability: 1);

        await Assert.ThrowsAnyAsync<Exception>(() => harness.Get<ErasureSweep>().PlanAsync(default));
    }

    [Fact]
    public async Task With_nothing_accepted_the_sweep_sends_no_request()
    {
        await using var harness = await ErasureHarness.StartAsync();
        await harness.Service.SubmitAsync(new ErasureRequest("not-sent-yet", ErasureSubjects.ContactKeys(["contact-1"])));

        var plan = await harness.Get<ErasureSweep>().PlanAsync(default);

        Assert.Same(SweepPlan.Empty, plan);
        Assert.Equal(0, harness.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
    }
}
