using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Scheduling;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Erasure.Workflow;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// The sweep never pushes an erasure's wake-up later than its own status read was due. The race
/// between the sweep and an erasure's own step is played step by step on the harness's fake clock,
/// with the workflow's real Quartz scheduler and job store (not started, so nothing fires on its own):
/// the sweep lists the route, the erasure's step runs, then the sweep applies its plan.
/// </summary>
public sealed class SweepPostponementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PostponeTo = Now + TimeSpan.FromMinutes(90);

    [Fact]
    public void A_due_wake_up_is_kept()
    {
        Assert.Null(SweepPostponement.Decide(new CurrentWakeup(Now, IsRunning: false, ObservedAt: null), Now - TimeSpan.FromSeconds(1), PostponeTo, Now));
        Assert.Null(SweepPostponement.Decide(new CurrentWakeup(Now - TimeSpan.FromHours(1), IsRunning: false, ObservedAt: null), Now, PostponeTo, Now));
    }

    [Fact]
    public void A_running_step_keeps_its_wake_up()
    {
        Assert.Null(SweepPostponement.Decide(new CurrentWakeup(Now + TimeSpan.FromMinutes(5), IsRunning: true, ObservedAt: Now - TimeSpan.FromHours(1)), Now, PostponeTo, Now));
    }

    [Fact]
    public void An_erasure_that_looked_itself_at_or_after_the_listing_keeps_its_own_schedule()
    {
        var listedAt = Now - TimeSpan.FromSeconds(2);
        Assert.Null(SweepPostponement.Decide(new CurrentWakeup(Now + TimeSpan.FromMinutes(5), false, ObservedAt: listedAt), listedAt, PostponeTo, Now));
        Assert.Null(SweepPostponement.Decide(new CurrentWakeup(Now + TimeSpan.FromMinutes(5), false, ObservedAt: Now), listedAt, PostponeTo, Now));
    }

    [Fact]
    public void A_listing_newer_than_the_erasure_s_last_look_postpones_it_past_its_own_schedule()
    {
        var listedAt = Now - TimeSpan.FromSeconds(2);
        Assert.Equal(PostponeTo, SweepPostponement.Decide(new CurrentWakeup(Now + TimeSpan.FromMinutes(5), false, ObservedAt: listedAt - TimeSpan.FromMinutes(10)), listedAt, PostponeTo, Now));
        // A wake-up nobody has looked through yet (first one, or restored by the check) is postponed too.
        Assert.Equal(PostponeTo, SweepPostponement.Decide(new CurrentWakeup(Now + TimeSpan.FromMinutes(5), false, ObservedAt: null), listedAt, PostponeTo, Now));
    }

    [Fact]
    public async Task A_step_that_reads_its_status_after_the_sweep_listed_the_route_is_not_overridden_by_the_sweep()
    {
        // A delete phase long enough that the deletion is still processing when the sweep lists it.
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, NumberOfRestorableDays = 0, DeletePhaseDuration = TimeSpan.FromHours(2) });
        var (scheduler, wakeups) = await SchedulingAsync(harness);
        var erasureId = await harness.AcceptAsync("race-own-read");
        await OwnStepAsync(harness, wakeups, scheduler, erasureId);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));

        // The sweep lists the route (the deletion is processing) ...
        var plan = await harness.Get<ErasureSweep>().PlanAsync(default);
        Assert.True(plan.Wakeups.Single(w => w.ErasureId == erasureId).Postpones);
        // ... the erasure's own step reads its status a second later and stores its next read ...
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var ownNext = await OwnStepAsync(harness, wakeups, scheduler, erasureId);
        // ... and only then does the sweep apply what it listed.
        var kept = await wakeups.ApplySweepAsync(scheduler, plan, default);

        Assert.Equal(1, kept);
        AssertFiresAbout(ownNext - harness.Clock.GetUtcNow(), await FireTimeAsync(scheduler, erasureId));
    }

    [Fact]
    public async Task A_wake_up_that_is_due_when_the_sweep_applies_its_plan_is_not_postponed()
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, NumberOfRestorableDays = 0 });
        var (scheduler, wakeups) = await SchedulingAsync(harness);
        var erasureId = await harness.AcceptAsync("race-due");
        // At a worker's start: the erasure's own read is due now (a wake-up missed while no worker ran).
        await wakeups.ScheduleAsync(scheduler, erasureId, harness.Clock.GetUtcNow(), default);

        var plan = await harness.Get<ErasureSweep>().PlanAsync(default);
        var kept = await wakeups.ApplySweepAsync(scheduler, plan, default);

        Assert.Equal(1, kept);
        AssertFiresAbout(TimeSpan.Zero, await FireTimeAsync(scheduler, erasureId));
    }

    [Fact]
    public async Task A_listing_newer_than_the_erasure_s_last_look_still_postpones_it_past_the_next_sweep()
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, NumberOfRestorableDays = 0 });
        var (scheduler, wakeups) = await SchedulingAsync(harness);
        var erasureId = await harness.AcceptAsync("postponed");
        await OwnStepAsync(harness, wakeups, scheduler, erasureId);
        harness.Clock.Advance(TimeSpan.FromSeconds(30));

        var plan = await harness.Get<ErasureSweep>().PlanAsync(default);
        var kept = await wakeups.ApplySweepAsync(scheduler, plan, default);

        Assert.Equal(0, kept);
        AssertFiresAbout(ErasureOptions.DefaultMaxPollInterval * 1.5, await FireTimeAsync(scheduler, erasureId));
    }

    [Fact]
    public async Task A_wake_up_whose_step_is_running_in_a_real_worker_is_not_postponed()
    {
        // A real host on the real clock; the erasure's first status read is held, so its step runs.
        await using var emulator = await CrashEmulator.StartAsync();
        emulator.Faults.AddRule(EmulatorRoute.Status, Fault.SlowResponse(TimeSpan.FromSeconds(5)), probability: 1);
        using var directory = new TempDirectory();
        using var host = FastWorkerHost.Build(emulator, o =>
        {
            o.UseSqlite(directory.File("erasure.db"));
            o.SubjectHashKey = ErasureHarness.TestKey;
            o.BatchedTracking = false;
        });
        await host.StartAsync();
        try
        {
            var record = await host.Services.GetRequiredService<IErasureService>().SubmitAsync(new ErasureRequest("running", ErasureSubjects.ContactKeys(["running-contact"])));
            var waited = Stopwatch.StartNew();
            while (emulator.Statistics.StatusRequests == 0)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The erasure's status read never arrived.");
                await Task.Delay(20);
            }
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var wakeups = host.Services.GetRequiredService<ErasureWakeups>();
            var before = await FireTimeAsync(scheduler, record.ErasureId);

            // A listing long after the erasure's last look, asking for a postponement: refused while the step runs.
            var moved = await wakeups.PostponeAsync(scheduler, record.ErasureId, DateTimeOffset.UtcNow + TimeSpan.FromHours(2), DateTimeOffset.UtcNow, default);

            Assert.False(moved);
            Assert.Equal(before, await FireTimeAsync(scheduler, record.ErasureId));
        }
        finally
        {
            emulator.Faults.Clear();
            await host.StopAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<(IScheduler Scheduler, ErasureWakeups Wakeups)> SchedulingAsync(ErasureHarness harness) =>
        (await harness.Get<ISchedulerFactory>().GetScheduler(), harness.Get<ErasureWakeups>());

    /// <summary>What the erasure's job does: its due steps, then its next wake-up (returned, workflow clock).</summary>
    private static async Task<DateTimeOffset> OwnStepAsync(ErasureHarness harness, ErasureWakeups wakeups, IScheduler scheduler, Guid erasureId)
    {
        var outcome = await harness.Get<ErasureStepRunner>().AdvanceWhileDueAsync(erasureId, CancellationToken.None);
        Assert.Null(outcome.Failure);
        var next = outcome.Next;
        Assert.NotNull(next);
        await wakeups.AfterStepAsync(scheduler, erasureId, next);
        return next.Value;
    }

    private static async Task<DateTimeOffset> FireTimeAsync(IScheduler scheduler, Guid erasureId) =>
        (await scheduler.GetTrigger(ErasureWakeups.TriggerKeyOf(erasureId)))?.NextFireTimeUtc ?? throw new InvalidOperationException("The erasure has no wake-up.");

    /// <summary>Quartz fires on the system clock: the wake-up is <paramref name="delay"/> from now, within the time the test took.</summary>
    private static void AssertFiresAbout(TimeSpan delay, DateTimeOffset fireAt)
    {
        var actual = fireAt - DateTimeOffset.UtcNow;
        Assert.True((actual - delay).Duration() < TimeSpan.FromSeconds(10), $"The wake-up fires in {actual}, not in about {delay}.");
    }
}
