using System;
using System.Threading.Tasks;
using ContactsSdk.Testing;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// The Marketing Cloud emulator the service runs against when no tenant is configured: on loopback,
/// on the real clock, each delete call a few seconds in its queue, so a demo's erasure closes in seconds.
/// </summary>
internal static class EmbeddedEmulator
{
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(3);

    public static Task<MarketingCloudEmulator> StartAsync() => MarketingCloudEmulator.StartAsync(new EmulatorOptions
    {
        NumberOfRestorableDays = 0,
        DeleteCallFixedTime = Phase,
        DeleteCallTimePerContact = TimeSpan.FromMilliseconds(10),
        DeletePhaseDuration = Phase,
    });

    /// <summary>The workflow's waits at the emulator's pace.</summary>
    public static void Pace(ErasureOptions options)
    {
        options.FirstPollDelay = TimeSpan.FromMilliseconds(500);
        options.MaxPollInterval = TimeSpan.FromSeconds(1);
        options.RetryDelay = TimeSpan.FromSeconds(1);
        options.SendSlotRetryDelay = TimeSpan.FromMilliseconds(500);
        options.ReconcileSettleTime = TimeSpan.FromSeconds(2);
        options.QueueCheckInterval = TimeSpan.FromSeconds(1);
    }
}
