using System;
using System.Threading;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// The emulator's view of a <see cref="VirtualClock"/> in which no timer ever fires. Given to the
/// emulator, it holds a slow response until the client gives up on it (its request timeout runs on
/// the real clock), while the lifecycle still follows the shared virtual time.
/// </summary>
internal sealed class StalledTimersClock(VirtualClock inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFires();

    private sealed class NeverFires : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
