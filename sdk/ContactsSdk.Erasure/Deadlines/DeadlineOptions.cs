using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure;

/// <summary>
/// How deadlines are watched: how often the ledger is checked for erasures at risk, and the
/// assumptions the projection of an erasure's end rests on. The assumptions are estimates, not facts
/// Marketing Cloud publishes: set them from your own tenant's history (the analytics delete-requests
/// route shows when each of your calls was received and when it finished).
/// </summary>
public sealed class DeadlineOptions
{
    /// <summary>Default <see cref="CheckInterval"/>.</summary>
    public static readonly TimeSpan DefaultCheckInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Default <see cref="AssumedDeleteCallDuration"/>: Marketing Cloud says its queue "processes only
    /// one deletion call at a time, and each process can take several hours to complete".
    /// </summary>
    public static readonly TimeSpan DefaultAssumedDeleteCallDuration = TimeSpan.FromHours(2);

    /// <summary>Default <see cref="AssumedRestorableDays"/>: the longer of the two defaults the documentation names.</summary>
    public static readonly int DefaultAssumedRestorableDays = 14;

    /// <summary>Default <see cref="AssumedDeletePhaseDuration"/>.</summary>
    public static readonly TimeSpan DefaultAssumedDeletePhaseDuration = TimeSpan.FromDays(1);

    /// <summary>How often the ledger's active erasures are checked against their due dates (a recurring job, one worker at a time).</summary>
    public TimeSpan CheckInterval { get; set; } = DefaultCheckInterval;

    /// <summary>How long Marketing Cloud's queue is assumed to take to process one delete call (an assumption).</summary>
    public TimeSpan AssumedDeleteCallDuration { get; set; } = DefaultAssumedDeleteCallDuration;

    /// <summary>The restorable days assumed until a status read reports the account's <c>numberofRestorableDays</c> (an assumption).</summary>
    public int AssumedRestorableDays { get; set; } = DefaultAssumedRestorableDays;

    /// <summary>How long the delete phase, after the restorable days, is assumed to take (an assumption).</summary>
    public TimeSpan AssumedDeletePhaseDuration { get; set; } = DefaultAssumedDeletePhaseDuration;

    /// <summary>Adds a message per option that cannot work, naming it after <paramref name="prefix"/> (its configuration section).</summary>
    internal void AddProblems(List<string> problems, string prefix)
    {
        if (CheckInterval <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}{nameof(CheckInterval)} is {CheckInterval}: it must be positive.");
        }
        if (AssumedDeleteCallDuration <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}{nameof(AssumedDeleteCallDuration)} is {AssumedDeleteCallDuration}: it must be positive.");
        }
        if (AssumedRestorableDays is < 0 or > 366)
        {
            problems.Add($"{prefix}{nameof(AssumedRestorableDays)} is {AssumedRestorableDays}: it must be 0 to 366 days.");
        }
        if (AssumedDeletePhaseDuration < TimeSpan.Zero)
        {
            problems.Add($"{prefix}{nameof(AssumedDeletePhaseDuration)} is {AssumedDeletePhaseDuration}: it must not be negative.");
        }
    }
}
