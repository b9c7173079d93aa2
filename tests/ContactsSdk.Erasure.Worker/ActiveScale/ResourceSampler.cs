using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>
/// Samples this process's working set and managed heap every quarter second while a phase runs and
/// keeps the peaks. The process's own peak working set would carry an earlier phase's peak over.
/// </summary>
internal sealed class ResourceSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakWorkingSet;
    private long _peakManagedHeap;

    private ResourceSampler()
    {
        _sampling = Task.Run(SampleAsync);
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakManagedHeap => Interlocked.Read(ref _peakManagedHeap);

    /// <summary>Collects garbage first, so a phase does not start with the previous phase's.</summary>
    public static ResourceSampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new ResourceSampler();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }

    private void Sample()
    {
        using var self = Process.GetCurrentProcess();
        Interlocked.Exchange(ref _peakWorkingSet, Math.Max(Interlocked.Read(ref _peakWorkingSet), self.WorkingSet64));
        Interlocked.Exchange(ref _peakManagedHeap, Math.Max(Interlocked.Read(ref _peakManagedHeap), GC.GetTotalMemory(forceFullCollection: false)));
    }
}
