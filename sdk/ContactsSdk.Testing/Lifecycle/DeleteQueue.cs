using System;
using System.Collections.Generic;
using System.Threading;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// An account's delete calls in arrival order. Marketing Cloud's delete route documentation: "The
/// queue processes only one deletion call at a time". A call's processing starts when it arrives or
/// when the call before it ends, whichever is later, so each call's schedule is fixed on arrival and
/// the lifecycle stays a pure function of the clock. The emulator serves one business unit (one
/// MID), so it holds one queue.
/// </summary>
internal sealed class DeleteQueue
{
    private readonly Lock _gate = new();

    // The latest processing end among the calls up to each index: never decreasing, so the calls not
    // yet processed at an instant are found by binary search.
    private readonly List<DateTimeOffset> _latestEndSoFar = [];

    /// <summary>Schedules the next call, arriving at <paramref name="arrivedAt"/>.</summary>
    /// <param name="arrivedAt">When the call arrived.</param>
    /// <param name="timing">Whether calls queue, and how long processing one takes.</param>
    /// <param name="contactCount">The contacts the call names.</param>
    /// <param name="parallelDuration">How long a call is processed when the queue is off.</param>
    public DeleteCall Add(DateTimeOffset arrivedAt, DeleteCallTiming timing, int contactCount, TimeSpan parallelDuration)
    {
        lock (_gate)
        {
            if (!timing.Queued)
            {
                return Append(false, arrivedAt, arrivedAt + parallelDuration);
            }

            var startsAt = _latestEndSoFar.Count > 0 && _latestEndSoFar[^1] > arrivedAt ? _latestEndSoFar[^1] : arrivedAt;
            return Append(true, startsAt, startsAt + timing.ProcessingTimeOf(contactCount));
        }
    }

    /// <summary>Puts back a call of a saved emulator; calls are restored in arrival order.</summary>
    public DeleteCall Restore(bool queued, DateTimeOffset processingStartsAt, DateTimeOffset processingEndsAt)
    {
        lock (_gate)
        {
            return Append(queued, processingStartsAt, processingEndsAt);
        }
    }

    /// <summary>
    /// How many calls are ahead of <paramref name="call"/> at <paramref name="now"/>: 0 while it is
    /// processed (and always for a call that did not queue), null once its processing has ended.
    /// </summary>
    public int? PositionAt(DeleteCall call, DateTimeOffset now)
    {
        if (now >= call.ProcessingEndsAt)
        {
            return null;
        }

        if (!call.Queued || now >= call.ProcessingStartsAt)
        {
            return 0;
        }

        lock (_gate)
        {
            return call.ArrivalIndex - FirstUnfinishedIndex(now, call.ArrivalIndex);
        }
    }

    private DeleteCall Append(bool queued, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var index = _latestEndSoFar.Count;
        _latestEndSoFar.Add(index > 0 && _latestEndSoFar[^1] > endsAt ? _latestEndSoFar[^1] : endsAt);
        return new DeleteCall(index, queued, startsAt, endsAt);
    }

    // The first index below `limit` whose processing had not ended at `now`, or `limit` when all had.
    private int FirstUnfinishedIndex(DateTimeOffset now, int limit)
    {
        int low = 0, high = limit;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_latestEndSoFar[middle] > now)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
