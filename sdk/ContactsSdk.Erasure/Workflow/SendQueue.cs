using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// The erasures waiting for the ledger-wide send slot form a queue, ordered by how long each has
/// waited. The erasure whose request is settled wakes the one at the head; each waiting erasure also
/// looks at the slot itself, spaced by its place in the queue, and the periodic wake-up check brings the
/// head's look forward: the fallbacks for a wake-up that never came (a worker that died between freeing
/// the slot and waking the next).
/// </summary>
internal static class SendQueue
{
    /// <summary>
    /// How long an erasure with <paramref name="ahead"/> erasures before it waits before it looks at the
    /// slot again: <paramref name="retryDelay"/> times one plus its place, at most <see cref="LongestLook"/>.
    /// The head looks soon, and the whole queue makes about ln(length) looks per
    /// <paramref name="retryDelay"/> (the sum of 1/(1 + place)): 12 for 100,000 waiting, so the looks
    /// barely grow with the queue. An erasure far back needs no look of its own: the request ahead of it
    /// wakes the erasure at the head, whose batch takes the longest waiting along, and the periodic
    /// wake-up check brings the head's look forward should that wake-up be lost (<see cref="Scheduling.ErasureWakeupCheck"/>).
    /// </summary>
    public static TimeSpan LookAfter(TimeSpan retryDelay, int ahead)
    {
        var places = 1L + Math.Max(0, ahead);
        // Compared by division, so that no delay and place multiply beyond a long.
        return retryDelay.Ticks > LongestLook.Ticks / places ? LongestLook : TimeSpan.FromTicks(retryDelay.Ticks * places);
    }

    /// <summary>
    /// The longest an erasure waits between two looks of its own. Only the places far back reach it; it
    /// keeps a wake-up stored within reason (a year's delay cannot overflow a date).
    /// </summary>
    public static readonly TimeSpan LongestLook = TimeSpan.FromDays(365);

    /// <summary>
    /// Who is woken when the send slot is handed on: the lead of a batch half waiting to be sent (a
    /// refused request being split goes first), or else the erasure that has waited longest to send.
    /// </summary>
    public static async Task<Guid?> NextSenderAsync(IErasureLedgerStore store, CancellationToken cancellationToken)
    {
        if (await store.FindOldestFormedBatchAsync(cancellationToken).ConfigureAwait(false) is { } formed
            && await store.FindBatchAsync(formed, cancellationToken).ConfigureAwait(false) is { } batch)
        {
            return batch.LeadErasureId;
        }
        return await store.FindLongestWaitingToSendAsync(cancellationToken).ConfigureAwait(false);
    }
}
