using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Testing;
using Microsoft.Extensions.Hosting;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// A worker host as an application builds it (generic host, <c>AddContactsSdk</c>, <c>AddContactsErasure</c>,
/// real Quartz on the real clock) against the emulator, with the workflow's waits in fractions of
/// a second to match an emulator whose deletions last about a second.
/// </summary>
internal static class FastWorkerHost
{
    /// <summary>The sweep interval and longest poll wait of a fast worker.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    /// <param name="emulator">The Marketing Cloud the worker talks to.</param>
    /// <param name="configure">Chooses the store and key (and may change any option set here).</param>
    /// <param name="addServices">Adds what else the test needs to the host (health checks, for one).</param>
    public static IHost Build(MarketingCloudEmulator emulator, Action<ErasureOptions> configure, Action<IServiceCollection>? addServices = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddContactsSdk(o => o.ConnectTo(emulator));
        builder.Services.AddContactsErasure(o =>
        {
            o.FirstPollDelay = TimeSpan.FromMilliseconds(200);
            o.MaxPollInterval = MaxPollInterval;
            o.SendSlotRetryDelay = TimeSpan.FromMilliseconds(100);
            o.ReconcileSettleTime = TimeSpan.FromSeconds(1);
            o.RetryDelay = TimeSpan.FromMilliseconds(300);
            configure(o);
        });
        addServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Waits until no erasure is active; false when <paramref name="limit"/> passed first.</summary>
    public static async Task<bool> WaitUntilAllClosedAsync(IErasureService service, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if ((await service.ListAsync(new ErasureListQuery { ActiveOnly = true, PageSize = 1 })).Count == 0)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
