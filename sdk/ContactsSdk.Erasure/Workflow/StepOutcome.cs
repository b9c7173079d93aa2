using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// What a run of steps hands the scheduler: when the erasure's next step is due, the other erasures to
/// wake (the members and leads of a shared request), whether the send slot was handed on with a request
/// settled (so the next sender is woken), and the failure that ended the run, if one did. Immutable: the
/// runner returns it, and nothing is handed over any other way.
/// </summary>
internal sealed class StepOutcome
{
    private StepOutcome(DateTimeOffset? next, ImmutableDictionary<Guid, DateTimeOffset> wakeups, bool handsOnSendSlot, Exception? failure)
    {
        Next = next;
        Wakeups = wakeups;
        HandsOnSendSlot = handsOnSendSlot;
        Failure = failure;
    }

    /// <summary>When to run the erasure's next step; null when it is closed (or unknown), or the run failed.</summary>
    public DateTimeOffset? Next { get; }

    /// <summary>Other erasures to wake, each at the earliest time asked.</summary>
    public ImmutableDictionary<Guid, DateTimeOffset> Wakeups { get; }

    /// <summary>
    /// Whether a request was settled (accepted, refused, proven not received) or left Marketing Cloud's
    /// queue: the next formed batch, or else the erasure that has waited longest, is woken. Not after a
    /// request that failed unprocessed: the service just failed, and the next request should not be
    /// sent into it at once.
    /// </summary>
    public bool HandsOnSendSlot { get; }

    /// <summary>
    /// The failure that ended the run, or null. The steps before it were written and their wake-ups
    /// stand; the erasure itself is to be tried again later.
    /// </summary>
    public Exception? Failure { get; }

    /// <summary>The next step is due at <paramref name="next"/> (null: the erasure is closed); nothing else to do.</summary>
    public static StepOutcome At(DateTimeOffset? next) => new(next, ImmutableDictionary<Guid, DateTimeOffset>.Empty, false, null);

    /// <summary>This outcome, also waking <paramref name="erasureId"/> at <paramref name="at"/> (or earlier, if asked already).</summary>
    public StepOutcome Waking(Guid erasureId, DateTimeOffset at) =>
        new(Next, Earliest(Wakeups, erasureId, at), HandsOnSendSlot, Failure);

    /// <summary>This outcome, also waking every one of <paramref name="erasureIds"/> at <paramref name="at"/>.</summary>
    public StepOutcome Waking(IEnumerable<Guid> erasureIds, DateTimeOffset at)
    {
        var outcome = this;
        foreach (var erasureId in erasureIds)
        {
            outcome = outcome.Waking(erasureId, at);
        }
        return outcome;
    }

    /// <summary>This outcome, also handing the send slot on.</summary>
    public StepOutcome HandingOnSendSlot() => new(Next, Wakeups, true, Failure);

    /// <summary>The outcome of this run followed by <paramref name="later"/>: the later next step, every wake-up, either hand-on.</summary>
    public StepOutcome Then(StepOutcome later)
    {
        var wakeups = Wakeups;
        foreach (var (erasureId, at) in later.Wakeups)
        {
            wakeups = Earliest(wakeups, erasureId, at);
        }
        return new(later.Next, wakeups, HandsOnSendSlot || later.HandsOnSendSlot, later.Failure);
    }

    /// <summary>This run's effects so far, ended by <paramref name="failure"/>: no next step of its own.</summary>
    public StepOutcome Failed(Exception failure) => new(null, Wakeups, HandsOnSendSlot, failure);

    private static ImmutableDictionary<Guid, DateTimeOffset> Earliest(ImmutableDictionary<Guid, DateTimeOffset> wakeups, Guid erasureId, DateTimeOffset at) =>
        wakeups.TryGetValue(erasureId, out var earlier) && earlier <= at ? wakeups : wakeups.SetItem(erasureId, at);
}
