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
        PendingDuration = TimeSpan.FromMilliseconds(300),
        DeletePhaseDuration = TimeSpan.FromMilliseconds(300),
    });
}
