using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Quartz;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>
/// Watches every trigger the scheduler fires: how late it fires against the time it was stored for,
/// how many fire each minute, and how many Quartz declared misfired (more than its misfire threshold
/// late). Memory stays constant however many fire: lateness goes into a logarithmic histogram.
/// </summary>
internal sealed class SchedulerLoadListener : ITriggerListener
{
    // Eight buckets per doubling of (1 + milliseconds late): each bucket is about 9% wide.
    private const int BucketsPerDoubling = 8;
    private readonly long[] _lateness = new long[64 * BucketsPerDoubling];
    private readonly ConcurrentDictionary<int, int> _firesPerMinute = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _fires;
    private long _misfires;
    private long _latestMilliseconds;

    public string Name => "active-scale-measurement";

    public long Fires => Interlocked.Read(ref _fires);

    public long Misfires => Interlocked.Read(ref _misfires);

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _fires);
        _firesPerMinute.AddOrUpdate((int)_clock.Elapsed.TotalMinutes, 1, (_, count) => count + 1);
        var late = Math.Max(0, (long)(context.FireTimeUtc - IntendedFireTime(trigger, context)).TotalMilliseconds);
        Interlocked.Increment(ref _lateness[Math.Min(_lateness.Length - 1, (int)(Math.Log2(1 + late) * BucketsPerDoubling))]);
        InterlockedMax(ref _latestMilliseconds, late);
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _misfires);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    /// <summary>The lateness (fire time minus intended time) below which <paramref name="fraction"/> of the fires fall, to within a bucket.</summary>
    public TimeSpan LatenessPercentile(double fraction)
    {
        var total = _lateness.Sum();
        if (total == 0)
        {
            return TimeSpan.Zero;
        }
        var wanted = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        for (var bucket = 0; bucket < _lateness.Length; bucket++)
        {
            seen += Interlocked.Read(ref _lateness[bucket]);
            if (seen >= wanted)
            {
                // The bucket's upper bound: a percentile is never reported lower than it was.
                return TimeSpan.FromMilliseconds(Math.Min(Math.Pow(2, (bucket + 1) / (double)BucketsPerDoubling) - 1, _latestMilliseconds));
            }
        }
        return TimeSpan.FromMilliseconds(_latestMilliseconds);
    }

    public TimeSpan LatenessMax => TimeSpan.FromMilliseconds(Interlocked.Read(ref _latestMilliseconds));

    /// <summary>The most fires in one minute (minutes counted from the listener's creation).</summary>
    public int PeakFiresPerMinute => _firesPerMinute.IsEmpty ? 0 : _firesPerMinute.Values.Max();

    /// <summary>
    /// When the trigger was meant to fire. An erasure's wake-up is a one-shot trigger whose start time is
    /// the time it was stored for; Quartz moves a misfired trigger's scheduled fire time to the moment it
    /// handled the misfire, which would hide the lateness, but never its start time. The recurring sweep
    /// fires on its schedule.
    /// </summary>
    private static DateTimeOffset IntendedFireTime(ITrigger trigger, IJobExecutionContext context) =>
        trigger is ISimpleTrigger { RepeatCount: 0 } ? trigger.StartTimeUtc : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
