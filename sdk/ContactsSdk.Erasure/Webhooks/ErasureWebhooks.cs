using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>The operators' view of the outbox: counts per endpoint, and failed deliveries sent again.</summary>
internal sealed class ErasureWebhooks : IErasureWebhooks
{
    private readonly IWebhookOutbox _outbox;
    private readonly ErasureWebhookOptions _options;
    private readonly TimeProvider _time;

    public ErasureWebhooks(IWebhookOutbox outbox, ErasureWebhookOptions options, TimeProvider time)
    {
        _outbox = outbox;
        _options = options;
        _time = time;
    }

    public async Task<WebhookDeliveryReport> GetDeliveryReportAsync(CancellationToken cancellationToken = default)
    {
        var counts = await _outbox.CountAsync(cancellationToken).ConfigureAwait(false);
        var stored = counts.Endpoints.ToDictionary(c => c.Endpoint, StringComparer.Ordinal);
        var registered = _options.Endpoints.Select(e => e.Name).ToList();
        var endpoints = registered
            .Select(name => Health(name, true, stored.GetValueOrDefault(name)))
            .Concat(counts.Endpoints.Where(c => !registered.Contains(c.Endpoint, StringComparer.Ordinal) && (c.Pending > 0 || c.Failed > 0))
                .Select(c => Health(c.Endpoint, false, c)))
            .ToList();
        return new WebhookDeliveryReport
        {
            CheckedAt = _time.GetUtcNow(),
            Endpoints = endpoints,
            EventsAwaitingDispatch = counts.UnfannedEvents,
            OldestEventAwaitingDispatchAt = counts.OldestUnfannedAt,
        };
    }

    public Task<int> RetryFailedAsync(string endpointName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        if (!_options.Endpoints.Any(e => string.Equals(e.Name, endpointName, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"No webhook endpoint named '{endpointName}' is registered.", nameof(endpointName));
        }
        return _outbox.RetryFailedAsync(endpointName, _time.GetUtcNow(), cancellationToken);
    }

    private static WebhookEndpointHealth Health(string name, bool registered, EndpointCounts? counts) => new()
    {
        Name = name,
        Registered = registered,
        Pending = counts?.Pending ?? 0,
        Failed = counts?.Failed ?? 0,
        OldestPendingAt = counts?.OldestPendingAt,
        LastSuccessAt = counts?.LastSuccessAt,
        LastErrorAt = counts?.LastErrorAt,
        LastError = counts?.LastError,
        LastStatus = counts?.LastStatus,
    };
}
