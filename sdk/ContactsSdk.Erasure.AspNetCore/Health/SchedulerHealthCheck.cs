using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ContactsSdk.Erasure.AspNetCore.Health;

/// <summary>Quartz, which wakes every erasure up, is running on this node (started, not in standby, not shut down).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var metadata = await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["instance"] = metadata.SchedulerInstanceId,
            ["clustered"] = metadata.JobStoreClustered,
            ["status"] = metadata.Status.ToString(),
        };
        return metadata.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The scheduler is running.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, "The scheduler is not running: no erasure is woken up on this node.", data: data);
    }
}
