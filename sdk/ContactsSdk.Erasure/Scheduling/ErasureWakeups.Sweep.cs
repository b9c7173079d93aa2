using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Workflow;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>What the delete-requests sweep does to the erasures' wake-ups.</summary>
internal sealed partial class ErasureWakeups
{
    /// <summary>
    /// Moves an existing wake-up to <paramref name="at"/>, keeping when the erasure last looked itself;
    /// does nothing when the erasure has none (it is closed).
    /// </summary>
    public async Task MoveAsync(IScheduler scheduler, Guid erasureId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await scheduler.GetTrigger(TriggerKeyOf(erasureId), cancellationToken).ConfigureAwait(false) is { } current)
        {
            await scheduler.RescheduleJob(current.Key, Trigger(erasureId, at, ObservedAtOf(current)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies a sweep's plan: wakes the finished erasures now, postpones the processing ones where
    /// <see cref="SweepPostponement"/> allows; returns how many processing erasures kept their wake-up.
    /// </summary>
    public async Task<int> ApplySweepAsync(IScheduler scheduler, SweepPlan plan, CancellationToken cancellationToken)
    {
        var kept = 0;
        foreach (var wakeup in plan.Wakeups)
        {
            if (!wakeup.Postpones)
            {
                await MoveAsync(scheduler, wakeup.ErasureId, wakeup.At, cancellationToken).ConfigureAwait(false);
            }
            else if (!await PostponeAsync(scheduler, wakeup.ErasureId, wakeup.At, plan.ListedAt, cancellationToken).ConfigureAwait(false))
            {
                kept++;
            }
        }
        return kept;
    }

    /// <summary>
    /// Postpones an erasure's wake-up to <paramref name="to"/> where <see cref="SweepPostponement"/>
    /// allows it, given its wake-up as it stands now; returns whether it moved.
    /// </summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="erasureId">The erasure the route listed as still processing.</param>
    /// <param name="to">The sweep's postponement.</param>
    /// <param name="listedAt">When the sweep read the route.</param>
    /// <param name="cancellationToken">Cancels the reads and the move.</param>
    public async Task<bool> PostponeAsync(IScheduler scheduler, Guid erasureId, DateTimeOffset to, DateTimeOffset listedAt, CancellationToken cancellationToken)
    {
        var key = TriggerKeyOf(erasureId);
        if (await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false) is not { NextFireTimeUtc: { } fireAt } current)
        {
            return false;
        }
        // Read from the job store, so a step running on any worker of a cluster counts: the trigger that fired
        // it is Executing, and any other trigger of the job (it may not run concurrently) is Blocked.
        var running = await scheduler.GetTriggerState(key, cancellationToken).ConfigureAwait(false) is TriggerState.Executing or TriggerState.Blocked;
        var now = _time.GetUtcNow();
        var observedAt = ObservedAtOf(current);
        var wakeup = new CurrentWakeup(now + (fireAt - DateTimeOffset.UtcNow), running, observedAt);
        if (SweepPostponement.Decide(wakeup, listedAt, to, now) is not { } at)
        {
            return false;
        }
        await scheduler.RescheduleJob(key, Trigger(erasureId, at, observedAt), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
