using System;
using System.Collections.Generic;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure;

/// <summary>
/// One look at every active erasure's deadline (<see cref="IErasureService.CheckDeadlinesAsync"/>):
/// the erasures already past their due date, and those whose deletion is projected to end after it.
/// </summary>
public sealed record DeadlineCheck
{
    /// <summary>When the check ran (the workflow's clock).</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>How many active erasures (no verdict yet) have a due date.</summary>
    public required int Checked { get; init; }

    /// <summary>Active erasures whose due date has passed, earliest due first (then earliest projected end).</summary>
    public required IReadOnlyList<DeadlineRisk> Overdue { get; init; }

    /// <summary>Active erasures not overdue yet whose projected end falls after their due date, earliest due first (then earliest projected end).</summary>
    public required IReadOnlyList<DeadlineRisk> AtRisk { get; init; }
}

/// <summary>An erasure whose deadline is missed or at risk.</summary>
public sealed record DeadlineRisk
{
    /// <summary>The erasure's row.</summary>
    public required ErasureRecord Erasure { get; init; }

    /// <summary>Its due date.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>
    /// When its deletion is projected to end (never earlier than the check): from its place in Marketing
    /// Cloud's queue, the restorable days and the delete phase, with <see cref="DeadlineOptions"/>'s
    /// assumptions for what is not observed yet.
    /// </summary>
    public required DateTimeOffset ProjectedEndAt { get; init; }
}
