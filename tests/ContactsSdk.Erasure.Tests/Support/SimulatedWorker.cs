using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Workflow;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// What Quartz does for a worker, on the harness's fake clock: one wake-up per active erasure, and
/// the recurring delete-requests sweep moving the wake-ups it lists (exactly as
/// <c>SweepDeleteRequestsJob</c> does: a wake-up that no longer exists is not created, and a
/// postponement is applied only where <see cref="SweepPostponement"/> allows it). The clock
/// jumps from one due event to the next, so fourteen days of thousands of erasures run in minutes.
/// </summary>
internal sealed class SimulatedWorker
{
    private readonly ErasureHarness _harness;
    private readonly ErasureStepRunner _runner;
    private readonly ErasureSweep? _sweep;
    private readonly TimeSpan _sweepInterval;
    private readonly Dictionary<Guid, DateTimeOffset> _wakeups = [];
    private readonly Dictionary<Guid, DateTimeOffset> _observedAt = [];
    private readonly PriorityQueue<Guid, DateTimeOffset> _due = new();
    private DateTimeOffset _nextSweep;

    /// <param name="harness">The workflow, emulator and clock.</param>
    /// <param name="sweepInterval">How often the sweep runs; null for no sweep (batched tracking off).</param>
    public SimulatedWorker(ErasureHarness harness, TimeSpan? sweepInterval)
    {
        _harness = harness;
        _runner = harness.Get<ErasureStepRunner>();
        _sweep = sweepInterval is null ? null : harness.Get<ErasureSweep>();
        _sweepInterval = sweepInterval ?? TimeSpan.MaxValue;
        _nextSweep = harness.Clock.GetUtcNow();
    }

    /// <summary>Sweeps run so far.</summary>
    public int Sweeps { get; private set; }

    /// <summary>Erasures with a wake-up (the active ones).</summary>
    public int Active => _wakeups.Count;

    /// <summary>Gives an erasure a wake-up (what submitting does).</summary>
    public void Schedule(Guid erasureId, DateTimeOffset at)
    {
        _wakeups[erasureId] = at;
        _due.Enqueue(erasureId, at);
    }

    /// <summary>When the next wake-up or sweep is due (null when nothing is left to do).</summary>
    public DateTimeOffset? NextEventAt
    {
        get
        {
            DropStale();
            if (_wakeups.Count == 0)
            {
                return null;
            }
            var next = _due.TryPeek(out _, out var at) ? at : DateTimeOffset.MaxValue;
            return _sweep is not null && _nextSweep < next ? _nextSweep : next;
        }
    }

    /// <summary>Moves the clock to the next event and runs it: a sweep, or one erasure's due steps.</summary>
    public async Task RunNextAsync()
    {
        var at = NextEventAt ?? throw new InvalidOperationException("Nothing is scheduled.");
        if (at > _harness.Clock.GetUtcNow())
        {
            _harness.Clock.SetUtcNow(at);
        }
        if (_sweep is not null && at == _nextSweep)
        {
            await SweepAsync().ConfigureAwait(false);
            return;
        }
        var erasureId = _due.Dequeue();
        _wakeups.Remove(erasureId);
        var outcome = await _runner.AdvanceWhileDueAsync(erasureId, CancellationToken.None).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
        var next = outcome.Next;
        _observedAt[erasureId] = _harness.Clock.GetUtcNow();
        if (next is { } nextAt)
        {
            Schedule(erasureId, nextAt);
        }
        foreach (var (other, when) in outcome.Wakeups)
        {
            Schedule(other, when);
        }
        if (outcome.HandsOnSendSlot && await SendQueue.NextSenderAsync(_harness.Store, CancellationToken.None).ConfigureAwait(false) is { } sender && sender != erasureId)
        {
            Schedule(sender, _harness.Clock.GetUtcNow());
        }
    }

    private async Task SweepAsync()
    {
        Sweeps++;
        _nextSweep = _harness.Clock.GetUtcNow() + _sweepInterval;
        var plan = await _sweep!.PlanAsync(CancellationToken.None).ConfigureAwait(false);
        var now = _harness.Clock.GetUtcNow();
        foreach (var wakeup in plan.Wakeups)
        {
            if (!_wakeups.TryGetValue(wakeup.ErasureId, out var current))
            {
                continue;
            }
            // Steps run one at a time here, so none is running while the sweep applies its plan.
            var at = wakeup.Postpones
                ? SweepPostponement.Decide(new CurrentWakeup(current, false, _observedAt.TryGetValue(wakeup.ErasureId, out var observed) ? observed : null), plan.ListedAt, wakeup.At, now)
                : wakeup.At;
            if (at is { } moved)
            {
                Schedule(wakeup.ErasureId, moved);
            }
        }
    }

    /// <summary>Drops queue entries a later <see cref="Schedule"/> replaced.</summary>
    private void DropStale()
    {
        while (_due.TryPeek(out var erasureId, out var at) && (!_wakeups.TryGetValue(erasureId, out var current) || current != at))
        {
            _due.Dequeue();
        }
    }
}
