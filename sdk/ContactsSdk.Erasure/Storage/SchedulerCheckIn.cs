using System;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// A clustered scheduler node's last check-in, as Quartz's job store keeps it: the other nodes declare
/// a node dead, and take its erasures over, once its check-in is older than the interval plus a margin.
/// </summary>
public sealed record SchedulerCheckIn
{
    /// <summary>When the node last checked in (its own clock).</summary>
    public required DateTimeOffset LastCheckIn { get; init; }

    /// <summary>How often the node checks in.</summary>
    public required TimeSpan Interval { get; init; }
}
