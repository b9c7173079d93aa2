using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage.Postgres;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Quartz;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Scale;

/// <summary>
/// The scheduler health check of a clustered worker on a real PostgreSQL: healthy while the node
/// checks in, unhealthy when its check-in is older than the others allow, or gone (the others declared
/// it dead). Quartz's own check-in, every 7.5 s by default, writes the row the check reads.
/// </summary>
public sealed class ClusterCheckInHealthTests : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    [SkippableFact]
    public async Task A_clustered_worker_is_healthy_while_it_checks_in_and_unhealthy_when_its_check_in_is_stale_or_gone()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { NumberOfRestorableDays = 0 });
        using var host = FastWorkerHost.Build(emulator, o =>
        {
            o.UsePostgres(_database.ConnectionString);
            o.SubjectHashKey = "check-in-health-test-key-0123456789"u8.ToArray();
        }, services => services.AddHealthChecks().AddContactsErasureChecks());
        await host.StartAsync();
        try
        {
            var instance = await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetSchedulerInstanceId();
            await WaitForRowAsync(instance);

            var healthy = await SchedulerCheckAsync(host);
            Assert.Equal(HealthStatus.Healthy, healthy.Status);
            Assert.True(healthy.Data.ContainsKey("lastCheckInSecondsAgo"), healthy.Description);

            // Quartz checks in again within its interval, so a change to the row is seen only until then.
            var stale = await FirstUnhealthyAsync(host, $"UPDATE qrtz_scheduler_state SET last_checkin_time = last_checkin_time - {TimeSpan.FromMinutes(5).Ticks} WHERE instance_name = '{instance}'");
            Assert.Contains("declare it dead", stale.Description, StringComparison.Ordinal);

            var gone = await FirstUnhealthyAsync(host, $"DELETE FROM qrtz_scheduler_state WHERE instance_name = '{instance}'");
            Assert.Contains("no check-in", gone.Description, StringComparison.Ordinal);

            // The node's next check-in writes its row again, and the check follows.
            await WaitForRowAsync(instance);
            Assert.Equal(HealthStatus.Healthy, (await SchedulerCheckAsync(host)).Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<HealthReportEntry> SchedulerCheckAsync(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "erasure-scheduler")).Entries["erasure-scheduler"];

    /// <summary>Changes the node's row and checks at once; again (a few times at most) when a check-in came in between.</summary>
    private async Task<HealthReportEntry> FirstUnhealthyAsync(IHost host, string change)
    {
        HealthReportEntry entry = default;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await _database!.ScalarAsync(change);
            entry = await SchedulerCheckAsync(host);
            if (entry.Status == HealthStatus.Unhealthy)
            {
                return entry;
            }
        }
        Assert.Fail($"The check stayed {entry.Status} after its row was changed five times: {entry.Description}");
        return entry;
    }

    private async Task WaitForRowAsync(string instance)
    {
        var clock = Stopwatch.StartNew();
        while (Convert.ToInt64(await _database!.ScalarAsync($"SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = '{instance}'"), CultureInfo.InvariantCulture) == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The node never checked in.");
            await Task.Delay(200);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
