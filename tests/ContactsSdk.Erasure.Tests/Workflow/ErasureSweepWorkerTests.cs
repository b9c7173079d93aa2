using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Scheduling;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// The sweep in a real worker host: Quartz with its job store in the ledger's SQLite file, on the
/// real clock, against the emulator (deletions that last about a second).
/// </summary>
public sealed class ErasureSweepWorkerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_worker_stores_one_recurring_sweep_that_follows_the_accepted_erasures()
    {
        // Deletions whose delete phase outlasts a few sweeps (one a second here) after their call left the queue.
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            NumberOfRestorableDays = 0,
            DeleteCallFixedTime = TimeSpan.FromMilliseconds(300),
            DeleteCallTimePerContact = TimeSpan.Zero,
            DeletePhaseDuration = TimeSpan.FromSeconds(4),
        });
        using var host = BuildWorker(emulator, batchedTracking: true);
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            for (var i = 0; i < 10; i++)
            {
                await service.SubmitAsync(new ErasureRequest($"swept-{i}", ErasureSubjects.ContactKeys([$"swept-contact-{i}"])));
            }

            Assert.True(await FastWorkerHost.WaitUntilAllClosedAsync(service, TimeSpan.FromSeconds(60)), "Not every erasure closed within 60 seconds.");
            var trigger = await SweepTriggerAsync(host);
            Assert.Equal(FastWorkerHost.MaxPollInterval, Assert.IsAssignableFrom<ISimpleTrigger>(trigger).RepeatInterval);
            Assert.True(emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests) > 0, "The sweep never read the analytics route.");
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal(ErasureVerdict.Deleted, (await service.GetAsync($"swept-{i}"))!.Verdict);
            }
            var sent = emulator.Operations.SelectMany(o => o.Request.Keys).ToList();
            Assert.Equal(10, sent.Count);
            Assert.Equal(10, sent.Distinct().Count());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Turning_batched_tracking_off_removes_the_stored_sweep_and_erasures_poll_on_their_own()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        using (var batched = BuildWorker(emulator, batchedTracking: true))
        {
            await batched.StartAsync();
            Assert.NotNull(await SweepTriggerAsync(batched));
            await batched.StopAsync();
        }

        using var host = BuildWorker(emulator, batchedTracking: false);
        await host.StartAsync();
        try
        {
            Assert.Null(await SweepTriggerAsync(host));
            var analyticsBefore = emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests);
            var service = host.Services.GetRequiredService<IErasureService>();
            await service.SubmitAsync(new ErasureRequest("polled", ErasureSubjects.ContactKeys(["polled-contact"])));

            Assert.True(await FastWorkerHost.WaitUntilAllClosedAsync(service, TimeSpan.FromSeconds(60)), "The erasure did not close within 60 seconds.");
            Assert.Equal(ErasureVerdict.Deleted, (await service.GetAsync("polled"))!.Verdict);
            Assert.Equal(analyticsBefore, emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<ITrigger?> SweepTriggerAsync(IHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTrigger(new TriggerKey(SweepDeleteRequestsJob.Key.Name, SweepDeleteRequestsJob.Key.Group));
    }

    private IHost BuildWorker(MarketingCloudEmulator emulator, bool batchedTracking) => FastWorkerHost.Build(emulator, o =>
    {
        o.UseSqlite(_directory.File("erasure.db"));
        o.SubjectHashKey = ErasureHarness.TestKey;
        o.BatchedTracking = batchedTracking;
    });

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
