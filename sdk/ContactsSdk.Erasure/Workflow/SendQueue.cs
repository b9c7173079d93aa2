using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// The erasures waiting for the ledger-wide send slot form a queue, ordered by how long each has
/// waited. The erasure whose request is settled wakes the one at the head; each waiting erasure also
/// looks at the slot itself, spaced by its place in the queue, as the fallback for a wake-up that never
/// came (a worker that died between freeing the slot and waking the next).
/// </summary>
internal static class SendQueue
{
    /// <summary>
    /// How long an erasure with <paramref name="ahead"/> erasures before it waits before it looks at the
    /// slot again: <paramref name="retryDelay"/> times one plus its place, so the head looks soon and
    /// the whole queue looks a few times a <paramref name="retryDelay"/>, however long it is.
    /// </summary>
    public static TimeSpan LookAfter(TimeSpan retryDelay, int ahead) => retryDelay * (1 + Math.Max(0, ahead));

    /// <summary>The longest an erasure waits between two looks of its own: the hand-over normally wakes it long before.</summary>
    public static readonly TimeSpan LongestLook = TimeSpan.FromDays(1);

    /// <summary>
    /// When an erasure that waits for a request to leave Marketing Cloud's queue looks again: after
    /// <paramref name="queueCheck"/> times one plus its place, at most <see cref="LongestLook"/>. The
    /// request that leaves the queue wakes the longest waiting erasure, whose batch takes the others
    /// along; these looks only cover a worker that died in between, so they can be far apart.
    /// </summary>
    public static TimeSpan LookAfterQueue(TimeSpan queueCheck, int ahead) =>
        TimeSpan.FromTicks(Math.Min(LookAfter(queueCheck, Math.Min(ahead, 1_000_000)).Ticks, LongestLook.Ticks));

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
