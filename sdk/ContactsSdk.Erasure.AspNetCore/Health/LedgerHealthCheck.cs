using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactsSdk.Erasure.AspNetCore.Health;

/// <summary>
/// The ledger answers, at this library's schema: reading the size of the ledger-wide tree needs the
/// newest table (schema 5), and a ledger newer than the library was refused when the worker started.
/// </summary>
internal sealed class LedgerHealthCheck(IErasureLedgerStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var entries = await store.ReadTreeSizeAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The ledger answers at this library's schema.", new Dictionary<string, object> { ["entries"] = entries });
        }
        catch (ErasureLedgerException e)
        {
            // The store's message names the ledger's problem (read-only, unreachable, older schema), never a subject.
            return new HealthCheckResult(context.Registration.FailureStatus, "The ledger cannot be read: " + e.Message);
        }
    }
}
