using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>The webhook deliveries as operators see them (registered by <c>AddContactsErasureWebhooks</c>).</summary>
public interface IErasureWebhooks
{
    /// <summary>Per endpoint: pending and failed deliveries, the oldest pending, the last success and error.</summary>
    Task<WebhookDeliveryReport> GetDeliveryReportAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends an endpoint's failed deliveries again (pending, due now, attempts counted afresh).</summary>
    /// <returns>How many deliveries were made pending again.</returns>
    /// <exception cref="System.ArgumentException">No endpoint of that name is registered.</exception>
    Task<int> RetryFailedAsync(string endpointName, CancellationToken cancellationToken = default);
}
