using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// What a run of steps asks of the scheduler besides the erasure's own next wake-up: other erasures
/// to wake (the members and leads of a shared request), and whether the send slot was freed with a
/// request settled, so the next sender is woken. Made fresh for every run: the runner keeps no state.
/// </summary>
internal sealed class StepEffects
{
    private readonly Dictionary<Guid, DateTimeOffset> _wakeups = [];

    /// <summary>Erasures to wake, each at the earliest time asked.</summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset> Wakeups => _wakeups;

    /// <summary>
    /// Whether a request was settled (accepted, refused, proven not received) or left Marketing Cloud's
    /// queue: the next formed batch, or else the erasure that has waited longest, is woken. Not after a
    /// request that failed unprocessed: the service just failed, and the next request should not be
    /// sent into it at once.
    /// </summary>
    public bool SendSlotHandedOn { get; private set; }

    public void Wake(Guid erasureId, DateTimeOffset at)
    {
        if (!_wakeups.TryGetValue(erasureId, out var earlier) || at < earlier)
        {
            _wakeups[erasureId] = at;
        }
    }

    public void HandOnSendSlot() => SendSlotHandedOn = true;
}
