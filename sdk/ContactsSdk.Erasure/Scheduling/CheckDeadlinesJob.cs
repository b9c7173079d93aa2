using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// "Check the deadlines", once per <see cref="DeadlineOptions.CheckInterval"/>: projects every active
/// erasure's end against its due date, updates the deadline gauges, and logs a warning for the
/// overdue and at-risk erasures. One recurring trigger for the whole ledger, run by one worker at a
/// time; it reads the ledger only and sends nothing to Marketing Cloud.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CheckDeadlinesJob : IJob
{
    public static readonly JobKey Key = new("deadlines", "contactssdk-erasure-deadlines");

    /// <summary>The most erasures named one by one in the log per check; the summary line counts them all.</summary>
    internal const int MaxNamedInLog = 20;

    private readonly DeadlineChecker _checker;
    private readonly DeadlineGauges _gauges;
    private readonly ILogger<CheckDeadlinesJob> _logger;
    private readonly DeadlineWebhookEvents? _webhookEvents;

    // webhookEvents records the overdue and at-risk erasures as webhook events; null when no webhooks are registered.
    public CheckDeadlinesJob(DeadlineChecker checker, DeadlineGauges gauges, ILogger<CheckDeadlinesJob> logger, DeadlineWebhookEvents? webhookEvents = null)
    {
        _checker = checker;
        _gauges = gauges;
        _logger = logger;
        _webhookEvents = webhookEvents;
    }

    /// <summary>Stores the recurring trigger, first due now (replacing the one stored before, so a changed interval takes effect).</summary>
    public static async Task StoreAsync(ISchedulerFactory schedulers, TimeSpan interval, CancellationToken cancellationToken) =>
        await RecurringJobs.StoreAsync<CheckDeadlinesJob>(await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false), Key, interval, firstAfter: TimeSpan.Zero, cancellationToken).ConfigureAwait(false);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        DeadlineCheck check;
        try
        {
            check = await _checker.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The gauges go stale and then silent: a failed check never reports "none at risk".
            _logger.LogWarning("The deadline check failed ({Kind}); it runs again at its next interval.", ex.GetType().Name);
            return;
        }
        _gauges.Record(check);
        Log(check);
        await RecordWebhookEventsAsync(check, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordWebhookEventsAsync(DeadlineCheck check, CancellationToken cancellationToken)
    {
        if (_webhookEvents is null)
        {
            return;
        }
        try
        {
            await _webhookEvents.RecordAsync(check, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing is lost: the next check finds the same erasures and records their events then.
            _logger.LogWarning("Recording the deadline webhook events failed ({Kind}); the next check records them.", ex.GetType().Name);
        }
    }

    /// <summary>
    /// Warns about the overdue and at-risk erasures: a summary, then the earliest due by ledger ID
    /// (never the request ID, which callers choose and may make personal), due date and projected end.
    /// </summary>
    private void Log(DeadlineCheck check)
    {
        if (check.Overdue.Count == 0 && check.AtRisk.Count == 0)
        {
            _logger.LogInformation("Deadline check of {Checked} erasures: none overdue, none at risk.", check.Checked);
            return;
        }
        _logger.LogWarning("Deadline check of {Checked} erasures: {Overdue} overdue, {AtRisk} at risk of missing their due date.",
            check.Checked, check.Overdue.Count, check.AtRisk.Count);
        foreach (var risk in check.Overdue.Concat(check.AtRisk).Take(MaxNamedInLog))
        {
            _logger.LogWarning("Erasure {ErasureId} ({State}): due {DueAt:O}, its deletion is projected to end {ProjectedEndAt:O}{Overdue}.",
                risk.Erasure.ErasureId, risk.Erasure.State, risk.DueAt, risk.ProjectedEndAt, risk.DueAt < check.CheckedAt ? " (overdue)" : string.Empty);
        }
    }
}
