using System;
using System.Collections.Generic;
using System.Globalization;
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
internal sealed partial class ErasureWakeups
{
    public const string Group = "contactssdk-erasure";

    /// <summary>The trigger's data entry with the end of the erasure's last own step (ISO 8601, workflow clock).</summary>
    private const string ObservedAtKey = "observed-at";

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
    public Task ScheduleAsync(IScheduler scheduler, Guid erasureId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleAsync(scheduler, erasureId, at, observedAt: null, cancellationToken);

    private async Task ScheduleAsync(IScheduler scheduler, Guid erasureId, DateTimeOffset at, DateTimeOffset? observedAt, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<AdvanceErasureJob>()
            .WithIdentity(JobKeyOf(erasureId))
            // A job that was running when its process died runs again when the scheduler comes back.
            .RequestRecovery()
            .Build();
        await scheduler.ScheduleJob(job, Trigger(erasureId, at, observedAt), new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records what a finished step decided: moves the erasure's wake-up to <paramref name="next"/>, or
    /// removes it when there is no next step (the erasure is closed). Should the scheduler be stopping
    /// already (a graceful stop waits for running steps after it stops accepting changes), the
    /// wake-up that fired this run stays stored and comes again one <see cref="ErasureOptions.RetryDelay"/>
    /// after it fired, on this worker's next start or on another worker of a cluster.
    /// </summary>
    public async Task AfterStepAsync(IScheduler scheduler, Guid erasureId, DateTimeOffset? next)
    {
        try
        {
            if (next is { } at)
            {
                // The step has just looked at the erasure: a sweep that listed the route before now knows less.
                await ScheduleAsync(scheduler, erasureId, at, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await scheduler.UnscheduleJob(TriggerKeyOf(erasureId), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (SchedulerException) when (scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
        {
            // Stopping: the stored wake-up stands in for the one this step decided.
        }
    }

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
        await RecurringJobs.StoreAsync<SweepDeleteRequestsJob>(scheduler, SweepDeleteRequestsJob.Key, every, firstAfter: TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores the recurring wake-up check, first due one <paramref name="interval"/> from now (the
    /// worker's start runs one itself), replacing the one stored before.
    /// </summary>
    public async Task StoreWakeupCheckAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await RecurringJobs.StoreAsync<CheckWakeupsJob>(scheduler, CheckWakeupsJob.Key, interval, firstAfter: interval, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores the recurring digest, first due one <paramref name="interval"/> from now, unless one with the
    /// same interval is stored already (restarts must not postpone the next digest again and again);
    /// removes it when <paramref name="interval"/> is null.
    /// </summary>
    public async Task StoreDigestAsync(TimeSpan? interval, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (interval is not { } every)
        {
            await scheduler.DeleteJob(IssueDigestJob.Key, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (await scheduler.GetTrigger(new TriggerKey(IssueDigestJob.Key.Name, IssueDigestJob.Key.Group), cancellationToken).ConfigureAwait(false) is ISimpleTrigger { RepeatInterval: var stored } && stored == every)
        {
            return;
        }
        await RecurringJobs.StoreAsync<IssueDigestJob>(scheduler, IssueDigestJob.Key, every, firstAfter: every, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the erasure has a wake-up stored: its own trigger, or the trigger Quartz gives a job to
    /// run again after its process died (which fires the same job, so it wakes the erasure too).
    /// </summary>
    public async Task<bool> HasWakeupAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        return (await scheduler.GetTriggersOfJob(JobKeyOf(erasureId), cancellationToken).ConfigureAwait(false)).Count > 0;
    }

    /// <summary>
    /// How long until the erasure's next wake-up fires, on the system clock (zero when it is overdue);
    /// null when it has none.
    /// </summary>
    public async Task<TimeSpan?> TimeToWakeupAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        DateTimeOffset? next = null;
        foreach (var trigger in await scheduler.GetTriggersOfJob(JobKeyOf(erasureId), cancellationToken).ConfigureAwait(false))
        {
            if (trigger.NextFireTimeUtc is { } at && (next is null || at < next))
            {
                next = at;
            }
        }
        return next is { } soonest ? TimeSpan.FromTicks(Math.Max(0, (soonest - DateTimeOffset.UtcNow).Ticks)) : null;
    }

    /// <summary>
    /// The erasures that have a wake-up stored now (their own trigger, or the trigger Quartz gives a job to
    /// run again after its process died), read in two queries whatever their number: asking per erasure
    /// costs a query each, which a worker starting over 100,000 active erasures on SQLite did not finish
    /// in half an hour.
    /// </summary>
    public async Task<HashSet<Guid>> ErasuresWithWakeupAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var erasures = new HashSet<Guid>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken).ConfigureAwait(false))
        {
            if (Guid.TryParse(key.Name, out var erasureId))
            {
                erasures.Add(erasureId);
            }
        }
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(SchedulerConstants.DefaultRecoveryGroup), cancellationToken).ConfigureAwait(false))
        {
            if (await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false) is { JobKey: { Group: Group } job } && Guid.TryParse(job.Name, out var erasureId))
            {
                erasures.Add(erasureId);
            }
        }
        return erasures;
    }

    /// <summary>When the erasure's own step last ended, as its trigger carries it (workflow clock); null when unknown.</summary>
    private static DateTimeOffset? ObservedAtOf(ITrigger trigger) =>
        trigger.JobDataMap.TryGetString(ObservedAtKey, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var observed)
            ? observed
            : null;

    private ITrigger Trigger(Guid erasureId, DateTimeOffset at, DateTimeOffset? observedAt)
    {
        // Quartz fires on the system clock: convert the workflow clock's instant into a delay from now.
        var delay = at - _time.GetUtcNow();
        var fireAt = DateTimeOffset.UtcNow + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        var data = new JobDataMap();
        if (observedAt is { } observed)
        {
            data[ObservedAtKey] = observed.ToString("O", CultureInfo.InvariantCulture);
        }
        return TriggerBuilder.Create()
            .UsingJobData(data)
            .WithIdentity(TriggerKeyOf(erasureId))
            .ForJob(JobKeyOf(erasureId))
            .StartAt(fireAt)
            // Not one shot: a fired wake-up stays stored, due again one RetryDelay later, until the step it
            // started records the next one (or removes it, once the erasure is closed). So a step whose end is
            // never recorded (a graceful stop, a failed write, a crash) still leaves its erasure exactly one
            // wake-up. A wake-up missed while the process was down fires as soon as it is back.
            .WithSimpleSchedule(s => s.WithInterval(_options.RetryDelay).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount))
            .Build();
    }
}
