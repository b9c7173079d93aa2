using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ContactsSdk.Erasure.AspNetCore.Health;

/// <summary>
/// Quartz, which wakes every erasure up, is running on this node (started, not in standby, not shut
/// down); in a cluster, the node has also checked in recently. A node whose check-in is older than its
/// interval plus Quartz's margin is one the other nodes declare dead: they take its erasures over, and
/// it should not take traffic.
/// </summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IErasureLedgerStore store, TimeProvider time) : IHealthCheck
{
    /// <summary>Quartz's default margin past a node's check-in interval before the others declare it dead.</summary>
    internal static readonly TimeSpan CheckInMargin = TimeSpan.FromSeconds(7.5);

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
        if (metadata.Status != SchedulerStatus.Running)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The scheduler is not running: no erasure is woken up on this node.", data: data);
        }
        if (!metadata.JobStoreClustered || store is not AdoLedgerStore ledger)
        {
            return HealthCheckResult.Healthy("The scheduler is running.", data);
        }
        return await CheckInResultAsync(context, ledger, metadata.SchedulerName, metadata.SchedulerInstanceId, data, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HealthCheckResult> CheckInResultAsync(
        HealthCheckContext context, AdoLedgerStore ledger, string schedulerName, string instanceId, Dictionary<string, object> data, CancellationToken cancellationToken)
    {
        SchedulerCheckIn? checkIn;
        try
        {
            checkIn = await ledger.ReadSchedulerCheckInAsync(schedulerName, instanceId, cancellationToken).ConfigureAwait(false);
        }
        catch (ErasureLedgerException e)
        {
            return HealthCheckResult.Degraded("The scheduler is running; its cluster check-in cannot be read: " + e.Message, data: data);
        }
        if (checkIn is null)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                "This node has no check-in in the cluster: it has not checked in yet, or the other nodes declared it dead.", data: data);
        }
        var age = time.GetUtcNow() - checkIn.LastCheckIn;
        data["lastCheckInSecondsAgo"] = Math.Round(age.TotalSeconds, 1);
        data["checkInIntervalSeconds"] = checkIn.Interval.TotalSeconds;
        var seconds = age.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (age > checkIn.Interval + CheckInMargin)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"This node last checked in {seconds} s ago: the other nodes may declare it dead and take its erasures over.", data: data);
        }
        return age > checkIn.Interval + (CheckInMargin / 2)
            ? HealthCheckResult.Degraded($"The scheduler is running; its last check-in, {seconds} s ago, is late.", data: data)
            : HealthCheckResult.Healthy("The scheduler is running and checked in to the cluster.", data);
    }
}
