using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>What one measured run (a number of active erasures over an empty store) found.</summary>
internal sealed class ActiveScaleFigures
{
    public required string Name { get; init; }

    public required int Erasures { get; init; }

    // Submission, by an application whose scheduler is not started.
    public required TimeSpan SubmitTime { get; init; }

    public required long SubmitPeakWorkingSet { get; init; }

    public required long SubmitPeakManagedHeap { get; init; }

    public required long WakeupsAfterSubmit { get; init; }

    public required (long Lost, long Orphaned) MismatchesAfterSubmit { get; init; }

    public required long DeleteRequestsBeforeWorker { get; init; }

    /// <summary>The ledger's and Quartz's bytes with every erasure active and waiting.</summary>
    public required (long Ledger, long Quartz) SizesAfterSubmit { get; init; }

    // The worker over the loaded store.
    public required TimeSpan StartTime { get; init; }

    public required TimeSpan WorkTime { get; init; }

    public required long WorkPeakWorkingSet { get; init; }

    public required long WorkPeakManagedHeap { get; init; }

    public required long PeakTriggers { get; init; }

    public required long Fires { get; init; }

    public required long Misfires { get; init; }

    public required int PeakFiresPerMinute { get; init; }

    public required TimeSpan LatenessP50 { get; init; }

    public required TimeSpan LatenessP99 { get; init; }

    public required TimeSpan LatenessMax { get; init; }

    // After the worker stopped.
    public required IReadOnlyDictionary<string, long> States { get; init; }

    public required (long Lost, long Orphaned) MismatchesAtEnd { get; init; }

    public required int DeleteRequests { get; init; }

    public required int LargestRequest { get; init; }

    public required int ContactsSent { get; init; }

    public required int DistinctContactsSent { get; init; }

    public required int ForeignContactsSent { get; init; }

    /// <summary>The ledger's and Quartz's bytes once the worker stopped.</summary>
    public required (long Ledger, long Quartz) Sizes { get; init; }

    public long Closed => States.TryGetValue("Closed", out var closed) ? closed : 0;

    public double SubmitRate => Erasures / SubmitTime.TotalSeconds;

    public double FiresPerMinute => Fires / Math.Max(WorkTime.TotalMinutes, 1.0 / 60);

    /// <summary>
    /// What must hold whatever the timings: after submission every erasure has exactly one wake-up and
    /// nothing was sent; no contact was sent twice or unasked; nothing is lost (every erasure not
    /// closed still has its wake-up once the worker stopped).
    /// </summary>
    public IEnumerable<string> Violations()
    {
        if (WakeupsAfterSubmit != Erasures || MismatchesAfterSubmit != (0, 0))
        {
            yield return $"after submission {WakeupsAfterSubmit} wake-ups for {Erasures} erasures ({MismatchesAfterSubmit.Lost} without one, {MismatchesAfterSubmit.Orphaned} of no active erasure)";
        }
        if (DeleteRequestsBeforeWorker != 0)
        {
            yield return $"{DeleteRequestsBeforeWorker} delete requests were sent before the worker started";
        }
        if (ContactsSent != DistinctContactsSent)
        {
            yield return $"{ContactsSent - DistinctContactsSent} contacts were sent more than once";
        }
        if (ForeignContactsSent != 0)
        {
            yield return $"{ForeignContactsSent} contacts were sent that no erasure named";
        }
        // A wake-up left for a closed erasure (one woken by a batch's lead as it closed) is not a violation:
        // it fires once, finds the erasure closed and ends. It is reported as orphaned-at-end.
        if (MismatchesAtEnd.Lost != 0)
        {
            yield return $"after the worker stopped {MismatchesAtEnd.Lost} active erasures had no wake-up";
        }
        if (Closed == Erasures && DistinctContactsSent != Erasures)
        {
            yield return $"every erasure closed but {DistinctContactsSent} of {Erasures} contacts were sent";
        }
    }
}
