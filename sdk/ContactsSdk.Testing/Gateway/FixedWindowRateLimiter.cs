using System;
using System.Threading;

namespace ContactsSdk.Testing.Gateway;

/// <summary>
/// A fixed-window request limit on the emulator clock. The window opens with the first request
/// after the previous one closed, so a fake clock controls exactly when requests are allowed again.
/// </summary>
internal sealed class FixedWindowRateLimiter(int maxRequests, TimeSpan window)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _count;

    /// <summary>Counts a request; returns null when allowed, otherwise how long until the window closes.</summary>
    public TimeSpan? TryAcquire(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (now >= _windowEnd)
            {
                _windowEnd = now + window;
                _count = 0;
            }

            if (_count < maxRequests)
            {
                _count++;
                return null;
            }

            return _windowEnd - now;
        }
    }
}
