using System;
using System.Globalization;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>
/// The generic hosts of the measurement: the real erasure workflow and Quartz job store, with timings
/// scaled from hours to seconds for the emulator's short calls.
/// </summary>
internal static class ActiveScaleHost
{
    /// <summary>
    /// An application whose scheduler is not started (<paramref name="runWorker"/> false) records
    /// erasures and stores their wake-ups without running any: an API front end whose workers run
    /// elsewhere. It keeps every submitted erasure active until a worker starts.
    /// </summary>
    public static IHost Build(MarketingCloudEmulator emulator, ActiveScaleStore store, bool runWorker)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddContactsSdk(o =>
        {
            o.EndpointOverride = emulator.BaseAddress;
            o.ClientId = emulator.Credentials.ClientId;
            o.ClientSecret = emulator.Credentials.ClientSecret;
            o.AccountId = new AccountId(emulator.Credentials.AccountId);
        });
        builder.Services.AddContactsErasure(o =>
        {
            store.Configure(o);
            o.SubjectHashKey = CrashTestSettings.SubjectHashKey;
            // An hour becomes ten seconds: the sweep of the analytics route and the longest wait between two reads.
            o.FirstPollDelay = TimeSpan.FromSeconds(1);
            o.MaxPollInterval = TimeSpan.FromSeconds(10);
            o.QueueCheckInterval = TimeSpan.FromSeconds(1);
            o.SendSlotRetryDelay = TimeSpan.FromMilliseconds(100);
            o.ReconcileSettleTime = TimeSpan.FromSeconds(1);
            o.RetryDelay = TimeSpan.FromMilliseconds(500);
        });
        // For every scheduler in the container, whatever its name (there is one).
        builder.Services.ConfigureAll<QuartzHostedServiceOptions>(o => o.AutoStart = runWorker);
        return builder.Build();
    }

    /// <summary>
    /// Marketing Cloud with its one-call-at-a-time delete queue, each call lasting 2 s plus 20 µs a
    /// contact (a 50,000-contact request 3 s), and deletions whose suppression and delete phases end
    /// within seconds after that.
    /// </summary>
    public static EmulatorOptions EmulatorOptions() => new()
    {
        DeleteQueueEnabled = true,
        DeleteCallFixedTime = TimeSpan.FromSeconds(2),
        DeleteCallTimePerContact = TimeSpan.FromTicks(200),
        NumberOfRestorableDays = 0,
        PendingDuration = TimeSpan.FromMilliseconds(500),
        DeletePhaseDuration = TimeSpan.FromSeconds(1),
    };
}
