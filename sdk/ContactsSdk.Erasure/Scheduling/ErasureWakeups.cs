using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Workflow;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// The one persisted Quartz trigger per active erasure: "advance erasure X" at a time. Quartz holds
/// nothing else; what the step does is decided from the ledger.
/// </summary>
internal sealed class ErasureWakeups
{
    public const string Group = "contactssdk-erasure";

    private readonly ISchedulerFactory _schedulers;
    private readonly IErasureLedgerStore _store;
    private readonly ErasureOptions _options;
    private readonly TimeProvider _time;

    public ErasureWakeups(ISchedulerFactory schedulers, IErasureLedgerStore store, ErasureOptions options, TimeProvider time)
    {
        _schedulers = schedulers;
        _store = store;
        _options = options;
        _time = time;
    }

    public static JobKey JobKeyOf(Guid erasureId) => new(erasureId.ToString("D"), Group);

    public static TriggerKey TriggerKeyOf(Guid erasureId) => new(erasureId.ToString("D"), Group);

    public static Guid ErasureIdOf(JobKey key) => Guid.Parse(key.Name);

    /// <summary>
    /// Schedules a new erasure's first wake-up: now, unless it joins a queue of erasures waiting for the
    /// send slot; then when its own look at the slot would be due (<see cref="SendQueue.LookAfter"/>).
    /// It is sent when its turn comes, woken by the erasure before it. Thousands of erasures submitted at
    /// once thus do not all wake at once only to find the slot busy, delaying every other due step.
    /// </summary>
    public async Task ScheduleFirstAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        if (record.State == ErasureState.ReadyToSend
            && await _store.CountWaitingToSendAheadAsync(record, cancellationToken).ConfigureAwait(false) is var ahead and > 0)
        {
            at += SendQueue.LookAfter(_options.SendSlotRetryDelay, ahead);
        }
        await ScheduleAsync(record.ErasureId, at, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Schedules (or moves) the erasure's wake-up to <paramref name="at"/> on the workflow's clock.</summary>
    public async Task ScheduleAsync(Guid erasureId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ScheduleAsync(await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false), erasureId, at, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Stores the job and its trigger, replacing both. Used from a running job too: that run may have
    /// been fired by Quartz's recovery trigger after a crash, in which case the erasure's own trigger
    /// is already gone and there is nothing to reschedule in place.
    /// </summary>
    public async Task ScheduleAsync(IScheduler scheduler, Guid erasureId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<AdvanceErasureJob>()
            .WithIdentity(JobKeyOf(erasureId))
            // A job that was running when its process died runs again when the scheduler comes back.
            .RequestRecovery()
            .Build();
        await scheduler.ScheduleJob(job, Trigger(erasureId, at), new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves an existing wake-up to <paramref name="at"/>; does nothing when the erasure has none (it is
    /// closed, or its step is running and will store its own next wake-up).
    /// </summary>
    public async Task MoveAsync(IScheduler scheduler, Guid erasureId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await scheduler.RescheduleJob(TriggerKeyOf(erasureId), Trigger(erasureId, at), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Stores the ledger's one recurring sweep, first due now, then every <paramref name="interval"/>
    /// (replacing the one stored before, so a changed interval takes effect); removes it when
    /// <paramref name="interval"/> is null (batched tracking turned off).
    /// </summary>
    public async Task StoreSweepAsync(TimeSpan? interval, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (interval is not { } every)
        {
            await scheduler.DeleteJob(SweepDeleteRequestsJob.Key, cancellationToken).ConfigureAwait(false);
            return;
        }
        var job = JobBuilder.Create<SweepDeleteRequestsJob>().WithIdentity(SweepDeleteRequestsJob.Key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(SweepDeleteRequestsJob.Key.Name, SweepDeleteRequestsJob.Key.Group)
            .ForJob(SweepDeleteRequestsJob.Key)
            .StartNow()
            // After downtime one sweep runs at once, not one per missed interval.
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the erasure has a wake-up stored.</summary>
    public async Task<bool> HasWakeupAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        return await scheduler.Exists(TriggerKeyOf(erasureId), cancellationToken).ConfigureAwait(false);
    }

    private ITrigger Trigger(Guid erasureId, DateTimeOffset at)
    {
        // Quartz fires on the system clock: convert the workflow clock's instant into a delay from now.
        var delay = at - _time.GetUtcNow();
        var fireAt = DateTimeOffset.UtcNow + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        return TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(erasureId))
            .ForJob(JobKeyOf(erasureId))
            .StartAt(fireAt)
            // One shot; a wake-up missed while the process was down fires as soon as it is back (the default misfire policy).
            .Build();
    }
}
