using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Models;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// Follows every accepted erasure of the ledger for a handful of requests: one listing of the
/// analytics delete-requests route (newest first, down to the oldest operation still followed)
/// shows which deletions have finished. Those erasures are woken at once and read their own status,
/// which decides the verdict; those still processing are postponed past the next sweep, so they cost
/// nothing until the route shows them finished (unless their own status read is due, running or
/// newer than the listing: <see cref="SweepPostponement"/>); those the route does not list keep
/// polling on their own schedule.
/// </summary>
/// <remarks>
/// The sweep only moves wake-ups: it never writes the ledger and never decides a state. If sweeps
/// stop (the route fails, or no worker runs them), every postponed erasure's own wake-up comes due
/// half an interval after the missed sweep and it is polled one by one again.
/// </remarks>
internal sealed class ErasureSweep
{
    private static readonly int PageSize = ErasureListQuery.MaxPageSize;

    /// <summary>Margin for this machine's and Marketing Cloud's clocks disagreeing at the window's edges.</summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    private readonly IErasureLedgerStore _store;
    private readonly ContactsClient _client;
    private readonly ErasureOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ErasureSweep(IErasureLedgerStore store, ContactsClient client, ErasureOptions options, TimeProvider time, ILogger<ErasureSweep> logger)
    {
        _store = store;
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Lists the route once and decides when each accepted erasure wakes next.</summary>
    /// <exception cref="Exception">The ledger or the route could not be read; no wake-up is moved then.</exception>
    public async Task<SweepPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var followed = await ReadAcceptedAsync(cancellationToken).ConfigureAwait(false);
        if (followed.Count == 0)
        {
            return SweepPlan.Empty;
        }

        // Taken before the listing: a look of the erasure's own that ends while the route is read counts as newer.
        var now = _time.GetUtcNow();
        var listed = await _client.ListDeleteRequestsAsync(
            followed.Min(r => r.SubmittedAt) - ClockMargin,
            now + TimeSpan.FromDays(1),
            followed.Min(r => r.OperationId!.Value),
            cancellationToken).ConfigureAwait(false);
        var byOperation = listed.Where(r => r.OperationId is not null).ToDictionary(r => r.OperationId!.Value);

        // Half an interval after the next sweep: late enough that a working sweep always comes first.
        var postponedUntil = now + _options.MaxPollInterval * 1.5;
        var wakeups = new List<SweepWakeup>(followed.Count);
        var finished = 0;
        foreach (var record in followed)
        {
            if (!byOperation.TryGetValue(record.OperationId!.Value, out var request))
            {
                continue;
            }
            if (request.GetDeleteRequestStatus().IsPhaseOver())
            {
                finished++;
                wakeups.Add(new SweepWakeup(record.ErasureId, now, Postpones: false));
            }
            else
            {
                wakeups.Add(new SweepWakeup(record.ErasureId, postponedUntil, Postpones: true));
            }
        }
        var plan = new SweepPlan(followed.Count, finished, wakeups.Count - finished, followed.Count - wakeups.Count, wakeups) { ListedAt = now };
        _logger.LogInformation(
            "Sweep of {Followed} accepted erasures: {Finished} finished (read now), {Processing} still processing (postponed), {NotListed} not listed (polled on their own).",
            plan.Followed, plan.Finished, plan.StillProcessing, plan.NotListed);
        return plan;
    }

    /// <summary>
    /// Every erasure waiting for its verdict, paged through the ledger, but those whose shared request
    /// is still in Marketing Cloud's queue: its lead reads it every few minutes to send the next request
    /// as soon as it leaves, which no postponement may delay, and the other members wait for the lead.
    /// </summary>
    private async Task<List<ErasureRecord>> ReadAcceptedAsync(CancellationToken cancellationToken)
    {
        var accepted = new List<ErasureRecord>();
        var inQueue = new Dictionary<Guid, bool>();
        await foreach (var record in _store.ReadAllAsync(new ErasureListQuery { AcceptedOnly = true, PageSize = PageSize }, cancellationToken).ConfigureAwait(false))
        {
            if (record is not { State: ErasureState.Accepted, OperationId: not null })
            {
                continue;
            }
            if (record.BatchId is { } batchId)
            {
                if (!inQueue.TryGetValue(batchId, out var queued))
                {
                    queued = inQueue[batchId] = (await _store.FindBatchAsync(batchId, cancellationToken).ConfigureAwait(false))?.State == BatchState.InQueue;
                }
                if (queued)
                {
                    continue;
                }
            }
            accepted.Add(record);
        }
        return accepted;
    }
}

/// <summary>What one sweep found, and the wake-up it gives each erasure the route listed.</summary>
/// <param name="Followed">Accepted erasures the sweep looked for.</param>
/// <param name="Finished">Listed as finished: woken now to read their status.</param>
/// <param name="StillProcessing">Listed as processing: postponed past the next sweep.</param>
/// <param name="NotListed">Not listed (yet): left on their own poll schedule.</param>
/// <param name="Wakeups">The new wake-up of every listed erasure.</param>
internal sealed record SweepPlan(int Followed, int Finished, int StillProcessing, int NotListed, IReadOnlyList<SweepWakeup> Wakeups)
{
    public static SweepPlan Empty { get; } = new(0, 0, 0, 0, []);

    /// <summary>When the route was read (workflow clock): what the plan knows is as of then.</summary>
    public DateTimeOffset ListedAt { get; init; }
}

/// <summary>When an erasure should wake next (on the workflow's clock).</summary>
/// <param name="ErasureId">The erasure.</param>
/// <param name="At">Its new wake-up.</param>
/// <param name="Postpones">
/// True for a deletion listed as still processing: a postponement, applied only where
/// <see cref="SweepPostponement"/> allows it. False for a finished one: woken now, always.
/// </param>
internal readonly record struct SweepWakeup(Guid ErasureId, DateTimeOffset At, bool Postpones);
