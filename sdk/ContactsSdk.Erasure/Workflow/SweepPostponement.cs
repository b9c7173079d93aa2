using System;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// Whether the sweep may postpone an erasure whose deletion the analytics route lists as still
/// processing, given the erasure's wake-up as it stands when the sweep applies its plan. The
/// analytics route's status is an account, not the truth (it can lag behind the status route), so
/// a sweep must never push an erasure's wake-up later than its own status read was due:
/// <list type="number">
/// <item>a wake-up that is due (at or before now) or whose step is running is left alone: the
/// erasure is reading its own status, which is at least as new as the listing;</item>
/// <item>an erasure that observed its status itself at or after the moment the route was listed
/// keeps its own schedule: the listing is older than what the erasure already knows;</item>
/// <item>otherwise the listing is newer than the erasure's last own look, and the wake-up moves to
/// the sweep's postponement (past the next sweep), even beyond the erasure's own schedule: that is
/// where batched tracking saves the status reads.</item>
/// </list>
/// </summary>
internal static class SweepPostponement
{
    /// <summary>The new wake-up of a listed-as-processing erasure, or null to leave its wake-up as it is.</summary>
    /// <param name="current">The erasure's wake-up now, on the workflow's clock.</param>
    /// <param name="listedAt">When the sweep began reading the analytics route (workflow clock).</param>
    /// <param name="postponeTo">The sweep's postponement: half an interval after the next sweep.</param>
    /// <param name="now">The workflow clock's now.</param>
    public static DateTimeOffset? Decide(CurrentWakeup current, DateTimeOffset listedAt, DateTimeOffset postponeTo, DateTimeOffset now)
    {
        if (current.IsRunning || current.At <= now)
        {
            return null;
        }
        if (current.ObservedAt is { } observed && observed >= listedAt)
        {
            return null;
        }
        return postponeTo;
    }
}

/// <summary>An erasure's wake-up as it stands in the scheduler.</summary>
/// <param name="At">When it fires next (workflow clock).</param>
/// <param name="IsRunning">Whether the erasure's step is running (or its wake-up is being fired) now.</param>
/// <param name="ObservedAt">When the erasure's own step last ended (its last own look at its status); null when unknown.</param>
internal readonly record struct CurrentWakeup(DateTimeOffset At, bool IsRunning, DateTimeOffset? ObservedAt);
