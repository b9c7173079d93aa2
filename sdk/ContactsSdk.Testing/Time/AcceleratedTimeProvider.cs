using System;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Testing.Time;

/// <summary>
/// A clock that runs <see cref="Factor"/> times faster than another one (the system clock by
/// default), so that a 14-day restorable period passes in seconds in a live demo. Timers created
/// through it (and so <c>Task.Delay(delay, provider)</c>) fire after the compressed delay.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _startUtc;
    private readonly long _innerStartTimestamp;

    /// <summary>Accelerates the system clock, starting from the current time.</summary>
    /// <param name="factor">How many emulated seconds pass per real second; must be positive.</param>
    public AcceleratedTimeProvider(double factor)
        : this(factor, System)
    {
    }

    /// <summary>Accelerates <paramref name="inner"/>, starting from <paramref name="startUtc"/> (default: its current time).</summary>
    /// <param name="factor">How many emulated seconds pass per second of <paramref name="inner"/>; must be positive.</param>
    /// <param name="inner">The clock that drives this one.</param>
    /// <param name="startUtc">The emulated time at creation.</param>
    public AcceleratedTimeProvider(double factor, TimeProvider inner, DateTimeOffset? startUtc = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be a positive, finite number.");
        }

        _inner = inner;
        Factor = factor;
        _startUtc = (startUtc ?? inner.GetUtcNow()).ToUniversalTime();
        _innerStartTimestamp = inner.GetTimestamp();
    }

    /// <summary>How many emulated seconds pass per second of the driving clock.</summary>
    public double Factor { get; }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _startUtc + Stretch(_inner.GetElapsedTime(_innerStartTimestamp));

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        var innerElapsed = _inner.GetTimestamp() - _innerStartTimestamp;
        return _innerStartTimestamp + (long)(innerElapsed * Factor);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new AcceleratedTimer(this, _inner.CreateTimer(callback, state, Compress(dueTime), Compress(period)));
    }

    private TimeSpan Stretch(TimeSpan innerElapsed) => TimeSpan.FromTicks(checked((long)(innerElapsed.Ticks * Factor)));

    // An emulated delay lasts 1/Factor as long on the driving clock; infinite stays infinite.
    private TimeSpan Compress(TimeSpan emulated) =>
        emulated == Timeout.InfiniteTimeSpan ? emulated : TimeSpan.FromTicks((long)(emulated.Ticks / Factor));

    /// <summary>Keeps <see cref="ITimer.Change"/> on the emulated time scale.</summary>
    private sealed class AcceleratedTimer(AcceleratedTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Compress(dueTime), owner.Compress(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
