using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk;
using ContactsSdk.DependencyInjection;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Postgres;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Worker;
using ContactsSdk.Erasure.Worker.ActiveScale;
using ContactsSdk.Erasure.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

// Exit codes: 0 every erasure closed; 2 not all closed within the time limit; 1 bad arguments;
// 143 (128 + SIGTERM) stopped gracefully by SIGTERM before every erasure closed.
if (args.Length > 0 && args[0] == "scale")
{
    return await ScaleMeasurement.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "scale-active")
{
    return await ActiveScaleMeasurement.RunAsync(args[1..]);
}
var arguments = WorkerArguments.Parse(args);
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
// The workflow's own steps are logged (they hold no personal data), so a failed crash test shows where it stood.
// Under load only the warnings (faults met, reconciliations): thousands of erasures' steps would drown them.
builder.Logging.AddFilter("ContactsSdk.Erasure", arguments.Load ? LogLevel.Warning : LogLevel.Information);
builder.Services.AddContactsSdk(o =>
{
    o.EndpointOverride = arguments.Endpoint;
    o.ClientId = arguments.ClientId;
    o.ClientSecret = arguments.ClientSecret;
    o.AccountId = arguments.AccountId;
    if (arguments.Load)
    {
        // Seconds instead of minutes: the load test injects 50200s, which pause every request of the worker this long.
        o.TemporarilyBlockedPause = ContactsClientOptions.MinTemporarilyBlockedPause;
    }
});
builder.Services.AddSingleton<IErasureCheckpoints, CrashingCheckpoints>();
builder.Services.AddContactsErasure(o =>
{
    // "postgres:<connection string>" runs the worker in a cluster on PostgreSQL; anything else is a SQLite file.
    if (arguments.LedgerPath.StartsWith(PostgresLedgerPrefix, StringComparison.Ordinal))
    {
        o.UsePostgres(arguments.LedgerPath[PostgresLedgerPrefix.Length..], clustering =>
        {
            if (arguments.Checkin is { } checkin)
            {
                clustering.CheckinInterval = checkin;
                clustering.CheckinMisfireThreshold = checkin;
            }
        });
    }
    else
    {
        o.UseSqlite(arguments.LedgerPath);
    }
    o.SubjectHashKey = CrashTestSettings.SubjectHashKey;
    // Seconds instead of days: the emulator's deletions last about a second.
    o.FirstPollDelay = TimeSpan.FromMilliseconds(200);
    o.MaxPollInterval = TimeSpan.FromSeconds(1);
    o.SendSlotRetryDelay = TimeSpan.FromMilliseconds(100);
    o.ReconcileSettleTime = TimeSpan.FromSeconds(1);
    o.RetryDelay = TimeSpan.FromMilliseconds(300);
    // The emulator's delete calls last a fraction of a second: a waiting erasure's own look (the fallback
    // when the worker that would have handed the queue on was killed) comes within a second or so, not minutes.
    o.QueueCheckInterval = TimeSpan.FromMilliseconds(500);
    if (arguments.Load)
    {
        // Many requests of a few erasures each, so that the emulator ends some restored and some invalid
        // (it decides per request) and the kill lands between requests.
        o.MaxContactsPerDeleteRequest = 10;
    }
});

using var host = builder.Build();
await host.StartAsync();
// The load test reads Quartz's tables by instance to learn what a killed worker held.
var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
Console.WriteLine("INSTANCE " + await scheduler.GetSchedulerInstanceId());
var service = host.Services.GetRequiredService<IErasureService>();
for (var i = 0; i < arguments.Count; i++)
{
    // Every start submits the same requests again: duplicates must be recognised, never re-sent.
    var requestId = WorkerArguments.RequestIdOf(arguments.RequestPrefix, i);
    await service.SubmitAsync(new ErasureRequest(requestId, ErasureSubjects.ContactKeys(WorkerArguments.KeysOf(requestId, i))));
}
Console.WriteLine("SUBMITTED");

// SIGTERM (a deploy, a scale-down) stops the application: the host is stopped the way a real worker's is.
var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
var limit = Stopwatch.StartNew();
while (limit.Elapsed < arguments.Timeout)
{
    if (stopping.IsCancellationRequested)
    {
        Console.WriteLine("STOPPING");
        await host.StopAsync();
        Console.WriteLine("STOPPED");
        return StoppedBySigterm;
    }
    // One row is enough to know that some erasure is still open.
    var active = await service.ListAsync(new ErasureListQuery { ActiveOnly = true, PageSize = 1 });
    if (active.Count == 0)
    {
        Console.WriteLine("ALL-CLOSED");
        await host.StopAsync();
        return 0;
    }
    await Task.Delay(200);
}
Console.WriteLine("TIMEOUT " + string.Join(",", (await service.ListAsync(new ErasureListQuery { ActiveOnly = true })).Select(r => $"{r.RequestId}:{r.State}")));
await host.StopAsync();
return 2;

internal static partial class Program
{
    private const string PostgresLedgerPrefix = "postgres:";

    private const int StoppedBySigterm = 143;
}
