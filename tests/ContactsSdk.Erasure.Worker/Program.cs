using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.DependencyInjection;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Worker;
using ContactsSdk.Erasure.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Exit codes: 0 every erasure closed; 2 not all closed within the time limit; 1 bad arguments.
var arguments = WorkerArguments.Parse(args);
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
// The workflow's own steps are logged (they hold no personal data), so a failed crash test shows where it stood.
builder.Logging.AddFilter("ContactsSdk.Erasure", LogLevel.Information);
builder.Services.AddContactsSdk(o =>
{
    o.EndpointOverride = arguments.Endpoint;
    o.ClientId = arguments.ClientId;
    o.ClientSecret = arguments.ClientSecret;
    o.AccountId = arguments.AccountId;
});
builder.Services.AddSingleton<IErasureCheckpoints, CrashingCheckpoints>();
builder.Services.AddContactsErasure(o =>
{
    o.UseSqlite(arguments.LedgerPath);
    o.SubjectHashKey = CrashTestSettings.SubjectHashKey;
    // Seconds instead of days: the emulator's deletions last about a second.
    o.FirstPollDelay = TimeSpan.FromMilliseconds(200);
    o.MaxPollInterval = TimeSpan.FromSeconds(1);
    o.SendSlotRetryDelay = TimeSpan.FromMilliseconds(100);
    o.ReconcileSettleTime = TimeSpan.FromSeconds(1);
    o.RetryDelay = TimeSpan.FromMilliseconds(300);
});

using var host = builder.Build();
await host.StartAsync();
var service = host.Services.GetRequiredService<IErasureService>();
for (var i = 0; i < arguments.Count; i++)
{
    // Every start submits the same requests again: duplicates must be recognised, never re-sent.
    var requestId = $"{arguments.RequestPrefix}-{i}";
    await service.SubmitAsync(new ErasureRequest(requestId, ErasureSubjects.ContactKeys(WorkerArguments.KeysOf(requestId, i))));
}
Console.WriteLine("SUBMITTED");

var limit = Stopwatch.StartNew();
while (limit.Elapsed < TimeSpan.FromMinutes(3))
{
    var active = await service.ListAsync(new ErasureListQuery { ActiveOnly = true, PageSize = ErasureListQuery.MaxPageSize });
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
