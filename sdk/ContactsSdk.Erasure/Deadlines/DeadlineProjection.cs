using System;

namespace ContactsSdk.Erasure.Deadlines;

/// <summary>
/// Projects when an erasure's deletion will end, from explicit inputs only (no clock, no ledger, no
/// network), so any caller can feed it what it knows: the calls ahead in Marketing Cloud's queue, when
/// the suppression or the delete phase was seen to start, the observed restorable days. Assumptions
/// fill what is not known (<see cref="DeadlineOptions"/>). A projection is never earlier than now.
/// </summary>
internal sealed class DeadlineProjection
{
    private readonly TimeSpan _callDuration;
    private readonly int _assumedRestorableDays;
    private readonly TimeSpan _deletePhase;

    public DeadlineProjection(TimeSpan assumedCallDuration, int assumedRestorableDays, TimeSpan assumedDeletePhase)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(assumedCallDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(assumedRestorableDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(assumedDeletePhase, TimeSpan.Zero);
        _callDuration = assumedCallDuration;
        _assumedRestorableDays = assumedRestorableDays;
        _deletePhase = assumedDeletePhase;
    }

    public static DeadlineProjection From(DeadlineOptions options) =>
        new(options.AssumedDeleteCallDuration, options.AssumedRestorableDays, options.AssumedDeletePhaseDuration);

    /// <summary>
    /// A deletion whose call Marketing Cloud has not processed yet (not sent, or accepted and waiting
    /// in the queue): <paramref name="callsAhead"/> calls are processed first, then its own, then the
    /// restorable days pass, then the delete phase.
    /// </summary>
    /// <param name="now">The time of the projection.</param>
    /// <param name="callsAhead">Delete calls of the account that Marketing Cloud processes before this one's.</param>
    /// <param name="observedRestorableDays">The account's restorable days when a status read reported them; null to assume.</param>
    public DateTimeOffset WaitingInQueue(DateTimeOffset now, int callsAhead, int? observedRestorableDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(callsAhead);
        return now + _callDuration * (callsAhead + 1) + RestorablePeriod(observedRestorableDays) + _deletePhase;
    }

    /// <summary>A deletion whose suppression was seen to have started at <paramref name="suppressedAt"/>: the restorable days run from then.</summary>
    public DateTimeOffset Suppressed(DateTimeOffset now, DateTimeOffset suppressedAt, int? observedRestorableDays) =>
        NotBefore(now, suppressedAt + RestorablePeriod(observedRestorableDays) + _deletePhase);

    /// <summary>A deletion whose delete phase was seen to have started at <paramref name="deletingSince"/>.</summary>
    public DateTimeOffset Deleting(DateTimeOffset now, DateTimeOffset deletingSince) => NotBefore(now, deletingSince + _deletePhase);

    private TimeSpan RestorablePeriod(int? observedRestorableDays) =>
        // Marketing Cloud's configSettings value -1 means 0 days.
        TimeSpan.FromDays(Math.Max(0, observedRestorableDays ?? _assumedRestorableDays));

    private static DateTimeOffset NotBefore(DateTimeOffset now, DateTimeOffset projected) => projected < now ? now : projected;
}
