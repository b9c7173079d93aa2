using System;
using System.Threading.Tasks;
using ContactsSdk.Testing;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>An emulator on the real clock whose deletions end within about a second, for worker processes.</summary>
internal static class CrashEmulator
{
    public static Task<MarketingCloudEmulator> StartAsync() => MarketingCloudEmulator.StartAsync(new EmulatorOptions
    {
        NumberOfRestorableDays = 0,
        // Calls still pass the delete queue one at a time, each processed in 300 ms of real time.
        DeleteCallFixedTime = TimeSpan.FromMilliseconds(300),
        DeleteCallTimePerContact = TimeSpan.Zero,
        DeletePhaseDuration = TimeSpan.FromMilliseconds(300),
    });
}
