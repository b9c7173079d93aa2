using System;
using ContactsSdk.Erasure.AspNetCore.Health;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the webhook deliveries' health check.</summary>
public static class ErasureWebhookHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds <c>erasure-webhooks</c>: degraded when a delivery failed for good, or one has waited past
    /// <see cref="ErasureWebhookOptions.MaxHealthyBacklogAge"/>. Not tagged ready: a receiver that is
    /// down is no reason to take this node out of service. Needs <c>AddContactsErasureWebhooks</c>.
    /// </summary>
    public static IHealthChecksBuilder AddContactsErasureWebhookCheck(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration("erasure-webhooks", s => new WebhookHealthCheck(
            s.GetRequiredService<IErasureWebhooks>(), s.GetRequiredService<ErasureWebhookOptions>(), s.GetService<TimeProvider>() ?? TimeProvider.System),
            HealthStatus.Degraded, []));
    }
}
