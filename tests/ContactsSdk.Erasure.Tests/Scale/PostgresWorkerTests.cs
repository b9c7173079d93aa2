using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Scale;

/// <summary>
/// The one-line PostgreSQL configuration end to end: a worker host whose ledger and Quartz job store
/// live in a real PostgreSQL, clustered, following erasures through the emulator on the real clock
/// (deletions that last about a second) until every one is closed.
/// </summary>
public sealed class PostgresWorkerTests : IAsyncLifetime
{
    private static readonly byte[] Key = "scale-test-subject-hash-key-0123456789"u8.ToArray();
    private PostgresTestDatabase? _database;

    [SkippableFact]
    public async Task A_worker_configured_with_UsePostgres_runs_clustered_and_closes_every_erasure()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            // Through the delete queue, 200 ms a call.
            DeleteCallFixedTime = TimeSpan.FromMilliseconds(200),
            DeleteCallTimePerContact = TimeSpan.Zero,
            NumberOfRestorableDays = 0,
            DeletePhaseDuration = TimeSpan.FromMilliseconds(500),
        });
        using var host = BuildWorker(emulator, _database.ConnectionString);
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            for (var i = 0; i < 8; i++)
            {
                await service.SubmitAsync(new ErasureRequest($"scale-{i}", ErasureSubjects.ContactKeys([$"scale-contact-{i}"])));
            }

            var closed = await FastWorkerHost.WaitUntilAllClosedAsync(service, TimeSpan.FromSeconds(90));

            Assert.True(closed, "Not every erasure closed within 90 seconds.");
            for (var i = 0; i < 8; i++)
            {
                var record = await service.GetAsync($"scale-{i}");
                Assert.Equal(ErasureState.Closed, record!.State);
                Assert.Equal(ErasureVerdict.Deleted, record.Verdict);
            }
            // Every contact sent once, never twice, however many erasures shared a request.
            var sent = emulator.Operations.SelectMany(o => o.Request.Keys).ToList();
            Assert.Equal(8, sent.Count);
            Assert.Equal(8, sent.Distinct().Count());
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            // Clustered: the worker has a generated instance ID and checks in to the cluster table.
            var instanceId = await scheduler.GetSchedulerInstanceId();
            Assert.NotEqual(QuartzSchedulerOptions.DefaultInstanceId, instanceId);
            Assert.Equal(1L, Convert.ToInt64(await _database.ScalarAsync($"SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = '{instanceId}'"), CultureInfo.InvariantCulture));
            Assert.Equal(8L, Convert.ToInt64(await _database.ScalarAsync("SELECT COUNT(*) FROM erasures WHERE state = 'Closed'"), CultureInfo.InvariantCulture));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost BuildWorker(MarketingCloudEmulator emulator, string connectionString) => FastWorkerHost.Build(emulator, o =>
    {
        o.UsePostgres(connectionString);
        o.SubjectHashKey = Key;
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
