using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Scheduling;
using ContactsSdk.Erasure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// The periodic wake-up check in a real worker host (Quartz with its job store in the ledger's SQLite
/// file, on the real clock): a wake-up deleted from the store behind the worker's back is restored,
/// counted, and the erasure closes long before its own (deleted) wake-up would have come.
/// </summary>
public sealed class WakeupCheckTests : IDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The erasure's own next look, far beyond the test: only a restored wake-up can close it in time.</summary>
    private static readonly TimeSpan FarPoll = TimeSpan.FromMinutes(30);

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_wake_up_deleted_from_the_store_is_restored_by_the_periodic_check_and_counted()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        using var host = FastWorkerHost.Build(emulator, o =>
        {
            o.UseSqlite(_directory.File("erasure.db"));
            o.SubjectHashKey = ErasureHarness.TestKey;
            o.BatchedTracking = false;
            o.FirstPollDelay = FarPoll;
            o.MaxPollInterval = FarPoll;
            o.WakeupCheckInterval = CheckInterval;
        });
        using var restores = new RestoreCounter();
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var record = await service.SubmitAsync(new ErasureRequest("lost-wakeup", ErasureSubjects.ContactKeys(["lost-wakeup-contact"])));
            await WaitUntilAsync(async () => (await service.GetAsync("lost-wakeup"))!.State == ErasureState.Accepted, "the erasure was not accepted");
            // Its step has ended: the stored wake-up is its first status read, half an hour away.
            await WaitUntilAsync(async () => (await scheduler.GetTrigger(ErasureWakeups.TriggerKeyOf(record.ErasureId)))?.NextFireTimeUtc > DateTimeOffset.UtcNow + TimeSpan.FromMinutes(20), "the far wake-up was not stored");
            // The deletion must have ended before the wake-up is taken away: the restored wake-up's status read
            // then closes the erasure. (Restored earlier, on a loaded machine, its read could still see the
            // deletion running, and the next read would be the far one.)
            var operation = Assert.Single(emulator.Operations);
            var ended = operation.DeletePhaseEndsAt + TimeSpan.FromMilliseconds(200);
            if (ended > DateTimeOffset.UtcNow)
            {
                await Task.Delay(ended - DateTimeOffset.UtcNow);
            }
            var restoredBefore = restores.Total;

            Assert.True(await scheduler.UnscheduleJob(ErasureWakeups.TriggerKeyOf(record.ErasureId)));

            // Generous: the check runs every second, but a loaded machine can delay a Quartz firing by many seconds.
            Assert.True(await FastWorkerHost.WaitUntilAllClosedAsync(service, TimeSpan.FromSeconds(90)), "The erasure did not close within 90 s: its wake-up was not restored.");
            Assert.Equal(ErasureVerdict.Deleted, (await service.GetAsync("lost-wakeup"))!.Verdict);
            Assert.True(restores.Total - restoredBefore >= 1, "The restore was not counted.");
            Assert.Single(emulator.Operations);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_erasure_next_in_line_to_send_looks_soon_even_when_the_hand_over_that_should_wake_it_is_lost()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        using var host = FastWorkerHost.Build(
            emulator,
            o =>
            {
                o.UseSqlite(_directory.File("erasure.db"));
                o.SubjectHashKey = ErasureHarness.TestKey;
                o.BatchedTracking = false;
                o.WakeupCheckInterval = CheckInterval;
            },
            // The scheduler starts only once the erasure's look has been moved away.
            services => services.ConfigureAll<QuartzHostedServiceOptions>(o => o.AutoStart = false));
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            var record = await service.SubmitAsync(new ErasureRequest("next-in-line", ErasureSubjects.ContactKeys(["next-in-line-contact"])));
            Assert.Equal(ErasureState.ReadyToSend, record.State);
            // The look it would keep from a place far back in a long queue, with the wake-up from the
            // request before it (the hand-over) lost: nothing else would wake it for half an hour.
            var trigger = ErasureWakeups.TriggerKeyOf(record.ErasureId);
            Assert.NotNull(await scheduler.RescheduleJob(trigger, TriggerBuilder.Create()
                .WithIdentity(trigger)
                .ForJob(ErasureWakeups.JobKeyOf(record.ErasureId))
                .StartAt(DateTimeOffset.UtcNow + FarPoll)
                .Build()));

            await scheduler.Start();

            Assert.True(await FastWorkerHost.WaitUntilAllClosedAsync(service, TimeSpan.FromSeconds(90)), "The erasure did not close within 90 s: its far look was not brought forward.");
            Assert.Equal(ErasureVerdict.Deleted, (await service.GetAsync("next-in-line"))!.Verdict);
            Assert.Single(emulator.Operations);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_worker_stores_the_recurring_check_with_the_configured_interval()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        using var host = FastWorkerHost.Build(emulator, o =>
        {
            o.UseSqlite(_directory.File("erasure.db"));
            o.SubjectHashKey = ErasureHarness.TestKey;
            o.WakeupCheckInterval = TimeSpan.FromMinutes(7);
        });
        await host.StartAsync();
        try
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var trigger = await scheduler.GetTrigger(new TriggerKey(CheckWakeupsJob.Key.Name, CheckWakeupsJob.Key.Group));
            Assert.Equal(TimeSpan.FromMinutes(7), Assert.IsAssignableFrom<ISimpleTrigger>(trigger).RepeatInterval);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    [InlineData(999)]
    public void A_check_interval_under_one_second_is_refused_by_name(int milliseconds)
    {
        var refusal = OptionsRefusal.Of(o =>
        {
            o.UseSqlite(_directory.File("erasure.db"));
            o.SubjectHashKey = ErasureHarness.TestKey;
            o.WakeupCheckInterval = TimeSpan.FromMilliseconds(milliseconds);
        });
        Assert.Contains(nameof(ErasureOptions.WakeupCheckInterval), refusal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), failure + " within 30 seconds.");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    /// <summary>Listens to the restore counter on ContactsSdk's meter.</summary>
    private sealed class RestoreCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public RestoreCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ContactsSdkDiagnostics.MeterName && instrument.Name == ErasureDiagnostics.WakeupsRestoredInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
