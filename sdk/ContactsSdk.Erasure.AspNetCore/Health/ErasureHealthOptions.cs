using System;

namespace ContactsSdk.Erasure.AspNetCore.Health;

/// <summary>The thresholds past which the erasure backlog check reports Degraded.</summary>
public sealed class ErasureHealthOptions
{
    /// <summary>How long the erasure waiting longest to send may have waited (a stuck queue shows here first).</summary>
    public TimeSpan MaxSendWait { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many active erasures may be past their due date.</summary>
    public int MaxOverdue { get; set; }

    /// <summary>How long the Marketing Cloud check's answer is kept: each asking costs one API call.</summary>
    public TimeSpan MarketingCloudCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
