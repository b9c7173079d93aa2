using System;

namespace ContactsSdk;

/// <summary>
/// The waits between status polls: exponential growth while nothing changes, back to the initial
/// interval when the state changes, never beyond the cap. Failures back off the same way.
/// </summary>
internal struct PollSchedule
{
    private readonly DeletionWaitOptions _options;
    private TimeSpan _current;

    public PollSchedule(DeletionWaitOptions options)
    {
        _options = options;
        _current = options.InitialPollInterval;
    }

    /// <summary>The wait after a successful poll.</summary>
    public TimeSpan Next(bool stateChanged)
    {
        _current = stateChanged ? _options.InitialPollInterval : Grow(_current);
        return _current;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th consecutive failure.</summary>
    public readonly TimeSpan AfterFailure(int failures)
    {
        var wait = _options.InitialPollInterval;
        for (var i = 1; i < failures && wait < _options.MaxPollInterval; i++)
        {
            wait = Grow(wait);
        }
        return wait;
    }

    private readonly TimeSpan Grow(TimeSpan wait)
    {
        var grown = TimeSpan.FromTicks((long)Math.Min(wait.Ticks * _options.BackoffFactor, _options.MaxPollInterval.Ticks));
        return grown < _options.InitialPollInterval ? _options.InitialPollInterval : grown;
    }
}
