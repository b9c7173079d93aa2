using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// "Check the wake-ups", once per <see cref="ErasureOptions.WakeupCheckInterval"/>: restores the
/// wake-up of any active erasure that has none and brings the send queue's head forward
/// (<see cref="ErasureWakeupCheck"/>). One recurring
/// trigger for the whole ledger: in a cluster it fires on one worker at a time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CheckWakeupsJob : IJob
{
    public static readonly JobKey Key = new("check", "contactssdk-erasure-wakeup-check");

    private readonly ErasureWakeupCheck _check;
    private readonly ILogger<CheckWakeupsJob> _logger;

    public CheckWakeupsJob(ErasureWakeupCheck check, ILogger<CheckWakeupsJob> logger)
    {
        _check = check;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await _check.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next check tries again; the erasures' own wake-ups are untouched.
            _logger.LogWarning("The wake-up check failed ({Kind}); it runs again in one interval.", ex.GetType().Name);
        }
    }
}
