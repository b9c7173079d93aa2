using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Workflow;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// "Advance erasure X": runs the erasure's due steps, then moves its trigger to the next step's time.
/// Concurrent runs of one erasure are refused by Quartz; a run repeated after a crash is harmless
/// because every step is decided from the ledger.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AdvanceErasureJob : IJob
{
    private readonly ErasureStepRunner _runner;
    private readonly ErasureLedger _ledger;
    private readonly ErasureWakeups _wakeups;
    private readonly ErasureOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AdvanceErasureJob> _logger;

    public AdvanceErasureJob(ErasureStepRunner runner, ErasureLedger ledger, ErasureWakeups wakeups, ErasureOptions options, TimeProvider time, ILogger<AdvanceErasureJob> logger)
    {
        _runner = runner;
        _ledger = ledger;
        _wakeups = wakeups;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var erasureId = ErasureWakeups.ErasureIdOf(context.JobDetail.Key);
        // A shutdown's cancellation is thrown: the wake-up that fired this run stays stored and comes again
        // one RetryDelay later (ErasureWakeups); the next run picks the erasure up where the ledger says.
        var outcome = await _runner.AdvanceWhileDueAsync(erasureId, cancellationToken).ConfigureAwait(false);
        var next = outcome.Next;
        if (outcome.Failure is { } failure)
        {
            // Never drop an active erasure's wake-up: try again later, whatever went wrong.
            _logger.LogError("Erasure {ErasureId}: the step failed ({Kind}); it runs again in {Delay}.", erasureId, failure.GetType().Name, _options.RetryDelay);
            next = _time.GetUtcNow() + _options.RetryDelay;
        }

        await _wakeups.AfterStepAsync(context.Scheduler, erasureId, next).ConfigureAwait(false);
        foreach (var (other, when) in outcome.Wakeups)
        {
            if (other != erasureId)
            {
                await _wakeups.ScheduleAsync(context.Scheduler, other, when, CancellationToken.None).ConfigureAwait(false);
            }
        }
        if (outcome.HandsOnSendSlot)
        {
            await WakeNextSenderAsync(context.Scheduler, erasureId).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hands the freed send slot on: wakes the lead of a batch half waiting to be sent, or else the
    /// erasure that has waited longest to send, now, instead of leaving it to find the slot free at its
    /// next look. Best effort: should this fail, or the woken erasure lose the slot to another, the
    /// waiting erasures' own looks carry the queue on.
    /// </summary>
    private async Task WakeNextSenderAsync(IScheduler scheduler, Guid freedBy)
    {
        try
        {
            if (await SendQueue.NextSenderAsync(_ledger.Store, CancellationToken.None).ConfigureAwait(false) is { } nextId && nextId != freedBy)
            {
                await _wakeups.ScheduleAsync(scheduler, nextId, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Erasure {ErasureId}: the send slot is free but the next erasure could not be woken ({Kind}); it will find the slot free at its next look.", freedBy, ex.GetType().Name);
        }
    }
}
