using System;
using ContactsSdk.Erasure.AspNetCore.Health;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the erasure service's health checks.</summary>
public static class ErasureHealthCheckBuilderExtensions
{
    /// <summary>Tag of the checks a readiness probe should run (all of them: a worker without its ledger or scheduler must not take traffic).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Adds four checks: <c>erasure-ledger</c> (the ledger answers at this library's schema; unhealthy
    /// otherwise), <c>erasure-scheduler</c> (Quartz runs on this node and, in a cluster, checked in within its
    /// interval; unhealthy otherwise, degraded when the check-in is late or cannot be read) and
    /// <c>erasure-backlog</c> (degraded when an erasure waits too long to send or too many are overdue), and
    /// <c>erasure-marketing-cloud</c> (degraded when Marketing Cloud does not answer the service's
    /// credentials; not tagged ready).
    /// </summary>
    public static IHealthChecksBuilder AddContactsErasureChecks(this IHealthChecksBuilder builder, Action<ErasureHealthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ErasureHealthOptions();
        configure?.Invoke(options);
        return builder
            .Add(new HealthCheckRegistration("erasure-ledger", s => new LedgerHealthCheck(s.GetRequiredService<IErasureLedgerStore>()), HealthStatus.Unhealthy, [ReadyTag]))
            .Add(new HealthCheckRegistration("erasure-scheduler", s => new SchedulerHealthCheck(
                s.GetRequiredService<ISchedulerFactory>(), s.GetRequiredService<IErasureLedgerStore>(), s.GetService<TimeProvider>() ?? TimeProvider.System), HealthStatus.Unhealthy, [ReadyTag]))
            .Add(new HealthCheckRegistration("erasure-backlog", s => new BacklogHealthCheck(
                s.GetRequiredService<IErasureLedgerStore>(), s.GetRequiredService<ContactsSdk.Erasure.IErasureService>(), options, s.GetService<TimeProvider>() ?? TimeProvider.System),
                HealthStatus.Degraded, [ReadyTag]))
            // Not a readiness check: Marketing Cloud being unreachable is no reason to take this node out of service.
            .Add(new HealthCheckRegistration("erasure-marketing-cloud", s => new MarketingCloudHealthCheck(
                s.GetRequiredService<ContactsSdk.ContactsClient>(), options, s.GetService<TimeProvider>() ?? TimeProvider.System), HealthStatus.Degraded, []));
    }
}
