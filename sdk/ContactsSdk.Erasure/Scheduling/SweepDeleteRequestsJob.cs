using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Workflow;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// "Sweep the delete requests", once per <see cref="ErasureOptions.MaxPollInterval"/>: moves the
/// wake-up of every erasure the analytics route lists (finished ones to now, processing ones past
/// the next sweep where <see cref="SweepPostponement"/> allows: never a due or running wake-up, never
/// past the erasure's own schedule when its own look is newer than the listing). One recurring trigger for the whole ledger: in a cluster it fires on one worker
/// at a time, and Quartz moves it to a survivor when that worker dies.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepDeleteRequestsJob : IJob
{
    public static readonly JobKey Key = new("sweep", "contactssdk-erasure-sweep");

    private readonly ErasureSweep _sweep;
    private readonly ErasureWakeups _wakeups;
    private readonly ILogger<SweepDeleteRequestsJob> _logger;

    public SweepDeleteRequestsJob(ErasureSweep sweep, ErasureWakeups wakeups, ILogger<SweepDeleteRequestsJob> logger)
    {
        _sweep = sweep;
        _wakeups = wakeups;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        SweepPlan plan;
        try
        {
            plan = await _sweep.PlanAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing moved: every erasure keeps polling on its own until a sweep works again.
            _logger.LogWarning("The delete-requests sweep failed ({Kind}); erasures are polled one by one until the next sweep.", ex.GetType().Name);
            return;
        }
        var kept = await _wakeups.ApplySweepAsync(context.Scheduler, plan, cancellationToken).ConfigureAwait(false);
        if (kept > 0)
        {
            _logger.LogInformation("Sweep: {Kept} erasures listed as processing kept their own wake-up (due, running, or their own look is newer than the listing).", kept);
        }
    }
}
