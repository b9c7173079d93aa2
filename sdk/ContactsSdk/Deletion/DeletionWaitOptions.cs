using System;

namespace ContactsSdk;

/// <summary>
/// How <see cref="ContactsClient.WaitForDeletionAsync"/> polls. The defaults keep a 14-day deletion
/// to a few hundred status requests while noticing completion within <see cref="MaxPollInterval"/>.
/// </summary>
public sealed record DeletionWaitOptions
{
    /// <summary>Default <see cref="InitialPollInterval"/>.</summary>
    public static readonly TimeSpan DefaultInitialPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Default <see cref="MaxPollInterval"/>.</summary>
    public static readonly TimeSpan DefaultMaxPollInterval = TimeSpan.FromHours(1);

    /// <summary>Default <see cref="BackoffFactor"/>.</summary>
    public static double DefaultBackoffFactor { get; } = 2.0;

    /// <summary>Default <see cref="MaxConsecutiveFailures"/>.</summary>
    public static int DefaultMaxConsecutiveFailures { get; } = 8;

    /// <summary>Default <see cref="MaxRetryAfter"/>.</summary>
    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromMinutes(15);

    /// <summary>Default <see cref="MaxConcurrency"/>.</summary>
    public static int DefaultMaxConcurrency { get; } = 4;

    /// <summary>Default <see cref="SweepPageSize"/>: the largest page the analytics route serves.</summary>
    public static int DefaultSweepPageSize { get; } = 1000;

    /// <summary>Default <see cref="SweepLookBack"/>.</summary>
    public static readonly TimeSpan DefaultSweepLookBack = TimeSpan.FromDays(31);

    /// <summary>The shared defaults.</summary>
    public static DeletionWaitOptions Default { get; } = new();

    /// <summary>Wait before the second poll; also the wait after the state changes.</summary>
    public TimeSpan InitialPollInterval { get; init; } = DefaultInitialPollInterval;

    /// <summary>The longest wait between polls: the cap on how late completion is noticed.</summary>
    public TimeSpan MaxPollInterval { get; init; } = DefaultMaxPollInterval;

    /// <summary>How much the wait grows after each poll that shows no change.</summary>
    public double BackoffFactor { get; init; } = DefaultBackoffFactor;

    /// <summary>Transient failures in a row (network errors, timeouts, 429, 5xx, unreadable bodies) before giving up.</summary>
    public int MaxConsecutiveFailures { get; init; } = DefaultMaxConsecutiveFailures;

    /// <summary>The longest <c>Retry-After</c> honoured; longer demands are capped to it.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = DefaultMaxRetryAfter;

    /// <summary>Give up after this long (null: wait until the deletion is fully processed or cancelled).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Operations followed at once by <see cref="ContactsClient.WaitForDeletionsAsync"/>.</summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>
    /// Whether <see cref="ContactsClient.WaitForDeletionsAsync"/> follows several deletions with one
    /// sweep of the analytics delete-requests route per <see cref="MaxPollInterval"/>, reading the
    /// status route only for the operations the sweep shows finished (or does not list), instead of
    /// polling each one. The status route still decides every state. Default: true.
    /// </summary>
    public bool BatchedTracking { get; init; } = true;

    /// <summary>Operations per page of a sweep.</summary>
    public int SweepPageSize { get; init; } = DefaultSweepPageSize;

    /// <summary>How far before the start of the wait a sweep looks for the operations' requests.</summary>
    public TimeSpan SweepLookBack { get; init; } = DefaultSweepLookBack;

    internal void Validate()
    {
        if (InitialPollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InitialPollInterval), InitialPollInterval, "Must be positive.");
        if (MaxPollInterval < InitialPollInterval) throw new ArgumentOutOfRangeException(nameof(MaxPollInterval), MaxPollInterval, "Must be at least InitialPollInterval.");
        if (BackoffFactor < 1.0 || double.IsNaN(BackoffFactor)) throw new ArgumentOutOfRangeException(nameof(BackoffFactor), BackoffFactor, "Must be at least 1.");
        if (MaxConsecutiveFailures < 0) throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveFailures), MaxConsecutiveFailures, "Must not be negative.");
        if (MaxRetryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), MaxRetryAfter, "Must not be negative.");
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "Must be positive.");
        if (MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "Must be at least 1.");
        if (SweepPageSize < 1) throw new ArgumentOutOfRangeException(nameof(SweepPageSize), SweepPageSize, "Must be at least 1.");
        if (SweepLookBack < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SweepLookBack), SweepLookBack, "Must not be negative.");
    }
}
