using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactsSdk.Http;

/// <summary>
/// The rate-limit manners of one worker, shared by every request that passes through it: after a
/// 429 with error code 50200 ("temporarily blocked") every request waits out one pause instead of
/// each caller hitting the gateway again on its own, and at most
/// <see cref="ContactsClientOptions.RequestBudgetPerMinute"/> requests start in any minute. Both
/// delay requests; neither drops one.
/// </summary>
/// <remarks>
/// Every <see cref="ContactsClient"/> whose pipeline holds the same gate shares it:
/// <c>AddContactsSdk</c> registers one per service provider; a client built from options alone has
/// its own. Waits run on the injected <see cref="TimeProvider"/>. Thread-safe.
/// </remarks>
public sealed class ContactsRequestGate
{
    private static readonly TimeSpan BudgetWindow = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<long> _recentStarts = new();
    private readonly object _pauseLock = new();
    private long _pausedUntil;
    private bool _paused;

    /// <summary>Creates a gate with the rate-limit settings of <paramref name="options"/>.</summary>
    public ContactsRequestGate(ContactsClientOptions options, TimeProvider? timeProvider = null, ILogger<ContactsRequestGate>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RequestBudgetPerMinute is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RequestBudgetPerMinute, $"{nameof(ContactsClientOptions.RequestBudgetPerMinute)} must be at least 1 (or null for no budget).");
        }
        if (options.TemporarilyBlockedPause < ContactsClientOptions.MinTemporarilyBlockedPause || options.TemporarilyBlockedPause > ContactsClientOptions.MaxTemporarilyBlockedPause)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TemporarilyBlockedPause, $"{nameof(ContactsClientOptions.TemporarilyBlockedPause)} must be between {ContactsClientOptions.MinTemporarilyBlockedPause} and {ContactsClientOptions.MaxTemporarilyBlockedPause}.");
        }
        RequestBudgetPerMinute = options.RequestBudgetPerMinute;
        TemporarilyBlockedPause = options.TemporarilyBlockedPause;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The most requests started in any minute, or null for no budget.</summary>
    public int? RequestBudgetPerMinute { get; }

    /// <summary>How long every request waits after a 429 with error code 50200.</summary>
    public TimeSpan TemporarilyBlockedPause { get; }

    /// <summary>The clock every wait of the gate runs on.</summary>
    internal TimeProvider Time => _time;

    /// <summary>The log of the pipeline's manners: its pauses, its budget and its retries.</summary>
    internal ILogger Logger => _logger;

    /// <summary>How long requests are still held by a pause (zero when none is in force): for monitoring.</summary>
    public TimeSpan PauseRemaining => RemainingPause(_time.GetTimestamp());

    /// <summary>Waits until a request may start (no pause in force, room in the budget) and counts it.</summary>
    internal async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        // The common case (no budget, no pause) takes no lock at all.
        if (RequestBudgetPerMinute is null && RemainingPause(_time.GetTimestamp()) <= TimeSpan.Zero)
        {
            return;
        }

        // One request at a time settles its turn, so waiting requests start in arrival order and
        // only one timer is armed however many are queued.
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _time.GetTimestamp();
                var wait = RemainingPause(now);
                if (wait <= TimeSpan.Zero)
                {
                    wait = BudgetWait(now);
                }
                if (wait <= TimeSpan.Zero)
                {
                    if (RequestBudgetPerMinute is not null)
                    {
                        _recentStarts.Enqueue(now);
                    }
                    return;
                }
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Starts (or extends) the pause after a "temporarily blocked" answer; returns how long it lasts from now.</summary>
    internal TimeSpan BlockEveryRequest()
    {
        var now = _time.GetTimestamp();
        var until = now + (long)(TemporarilyBlockedPause.TotalSeconds * _time.TimestampFrequency);
        lock (_pauseLock)
        {
            if (!_paused || until > _pausedUntil)
            {
                _pausedUntil = until;
                _paused = true;
            }
        }
        ContactsSdkLog.RequestsPaused(_logger, TemporarilyBlockedPause);
        return RemainingPause(now);
    }

    private TimeSpan RemainingPause(long now)
    {
        lock (_pauseLock)
        {
            return _paused && _pausedUntil > now ? _time.GetElapsedTime(now, _pausedUntil) : TimeSpan.Zero;
        }
    }

    /// <summary>How long until the budget has room: the oldest start of the last minute must leave the window.</summary>
    private TimeSpan BudgetWait(long now)
    {
        if (RequestBudgetPerMinute is not { } budget)
        {
            return TimeSpan.Zero;
        }
        while (_recentStarts.Count > 0 && _time.GetElapsedTime(_recentStarts.Peek(), now) >= BudgetWindow)
        {
            _recentStarts.Dequeue();
        }
        if (_recentStarts.Count < budget)
        {
            return TimeSpan.Zero;
        }
        var wait = BudgetWindow - _time.GetElapsedTime(_recentStarts.Peek(), now);
        ContactsSdkLog.RequestBudgetUsedUp(_logger, budget, wait);
        return wait;
    }
}
