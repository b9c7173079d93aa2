using System.Diagnostics.Metrics;
using System.Reflection;
using ContactsSdk.Diagnostics;

namespace ContactsSdk.Erasure.Diagnostics;

/// <summary>
/// The erasure workflow's instruments, on ContactsSdk's own <see cref="ContactsSdkDiagnostics.MeterName"/>
/// meter (a listener of that name sees the client's and the workflow's instruments alike).
/// </summary>
internal static class ErasureMetrics
{
    private static readonly Meter Meter = new(
        ContactsSdkDiagnostics.MeterName,
        typeof(ErasureMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    private static readonly Counter<long> WakeupsRestored = Meter.CreateCounter<long>(
        ErasureDiagnostics.WakeupsRestoredInstrument, "{wakeup}", "Active erasures found without a wake-up in Quartz's store and given one.");

    public static void CountWakeupsRestored(int count)
    {
        if (count > 0)
        {
            WakeupsRestored.Add(count);
        }
    }
}
