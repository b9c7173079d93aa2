using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactsSdk.Erasure.AspNetCore.Health;

/// <summary>
/// Degraded when a webhook delivery was given up (failed), or one has waited longer than
/// <see cref="ErasureWebhookOptions.MaxHealthyBacklogAge"/> (pending, or not yet dispatched): the
/// erasures go on, but the systems listening are not being told.
/// </summary>
internal sealed class WebhookHealthCheck(IErasureWebhooks webhooks, ErasureWebhookOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await webhooks.GetDeliveryReportAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object>
        {
            ["eventsAwaitingDispatch"] = report.EventsAwaitingDispatch,
        };
        var problems = new List<string>();
        foreach (var endpoint in report.Endpoints)
        {
            data[endpoint.Name + ".pending"] = endpoint.Pending;
            data[endpoint.Name + ".failed"] = endpoint.Failed;
            if (endpoint.Failed > 0)
            {
                problems.Add($"{endpoint.Failed} delivery(ies) to '{endpoint.Name}' failed (last error: {endpoint.LastError ?? "none recorded"})");
            }
            if (endpoint.OldestPendingAt is { } oldest && now - oldest > options.MaxHealthyBacklogAge)
            {
                problems.Add($"a delivery to '{endpoint.Name}' has waited {(now - oldest).TotalMinutes:0} min (last error: {endpoint.LastError ?? "none recorded"})");
            }
        }
        if (report.OldestEventAwaitingDispatchAt is { } undispatched && now - undispatched > options.MaxHealthyBacklogAge)
        {
            problems.Add($"an event has waited {(now - undispatched).TotalMinutes:0} min to be dispatched (is the delivery job running?)");
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"Webhook deliveries keep up ({report.Endpoints.Sum(e => e.Pending)} pending, none failed).", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data);
    }
}
