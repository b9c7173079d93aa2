using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactsSdk.Erasure.AspNetCore.Health;

/// <summary>
/// Marketing Cloud answers this service's credentials: one page of one item of the delete-operations
/// list, which needs a token. Degraded, not unhealthy, when it does not (erasures wait and are retried;
/// taking the node out of service would not help). The answer is kept for <see cref="ErasureHealthOptions.MarketingCloudCheckInterval"/>,
/// so frequent probes do not spend the account's API quota.
/// </summary>
internal sealed class MarketingCloudHealthCheck(ContactsClient client, ErasureHealthOptions options, TimeProvider time) : IHealthCheck
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < options.MarketingCloudCheckInterval)
            {
                return last.Result;
            }
            var result = await AskAsync(cancellationToken).ConfigureAwait(false);
            _last = (now, result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HealthCheckResult> AskAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.ListDeleteOperationsAsync(pageSize: 1, maxPages: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Marketing Cloud answers this service's credentials.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: its message may quote the tenant's answer.
            return HealthCheckResult.Degraded($"Marketing Cloud did not answer this service's credentials ({e.GetType().Name}); erasures wait and are retried.",
                data: new Dictionary<string, object> { ["failure"] = e.GetType().Name });
        }
    }
}
