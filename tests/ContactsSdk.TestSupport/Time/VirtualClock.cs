using System;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.TestSupport;

/// <summary>
/// A clock that never makes a test wait: whenever a timer is armed, virtual time jumps forward by
/// the timer's due time and the timer fires at once. Client and emulator share it, so a 14-day
/// deletion runs in milliseconds and every wait the client asked for is visible as virtual time.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now;
    private long _elapsedTicks;

    public VirtualClock(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _elapsedTicks;
    }

    public void Advance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero) return;
        lock (_gate)
        {
            _now += by;
            _elapsedTicks += by.Ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private int _generation;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var generation = Interlocked.Increment(ref _generation);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }
            // Fire on the thread pool, after the caller has finished arming the timer.
            _ = Task.Run(() =>
            {
                if (Volatile.Read(ref _generation) != generation) return;
                clock.Advance(dueTime);
                callback(state);
            });
            return true;
        }

        public void Dispose() => Interlocked.Increment(ref _generation);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
