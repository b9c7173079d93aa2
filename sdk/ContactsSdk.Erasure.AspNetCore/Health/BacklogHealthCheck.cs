using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactsSdk.Erasure.AspNetCore.Health;

/// <summary>
/// Degraded when the erasure waiting longest to send has waited past <see cref="ErasureHealthOptions.MaxSendWait"/>,
/// or more erasures are overdue than <see cref="ErasureHealthOptions.MaxOverdue"/>: the service runs, but
/// legal deadlines are in danger.
/// </summary>
internal sealed class BacklogHealthCheck(IErasureLedgerStore store, IErasureService service, ErasureHealthOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var waiting = await store.FindLongestWaitingToSendAsync(cancellationToken).ConfigureAwait(false) is { } id
            && await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } record
            ? now - record.UpdatedAt
            : TimeSpan.Zero;
        var deadlines = await service.CheckDeadlinesAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["longestSendWaitSeconds"] = (long)waiting.TotalSeconds,
            ["overdue"] = deadlines.Overdue.Count,
            ["atRisk"] = deadlines.AtRisk.Count,
        };
        var problems = new List<string>();
        if (waiting > options.MaxSendWait)
        {
            problems.Add($"an erasure has waited {waiting.TotalHours:0.0} h to send (threshold {options.MaxSendWait.TotalHours:0.0} h)");
        }
        if (deadlines.Overdue.Count > options.MaxOverdue)
        {
            problems.Add($"{deadlines.Overdue.Count} erasure(s) overdue (threshold {options.MaxOverdue})");
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy("No erasure waits too long to send, none is overdue past the threshold.", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data);
    }
}
