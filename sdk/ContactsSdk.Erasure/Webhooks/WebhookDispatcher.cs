using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// One run of webhook delivery: turns new outbox events into deliveries, then claims due deliveries
/// under a lease and sends them, recording each attempt; again while there is work. Several nodes may
/// run it at once: a delivery is leased to one node at a time, and a node killed mid-delivery leaves a
/// lease that runs out, so another node (or the restarted one) sends it again: at least once.
/// </summary>
internal sealed partial class WebhookDispatcher
{
    /// <summary>The most deliveries one claim leases.</summary>
    internal const int ClaimSize = 5;

    /// <summary>The most events one fan-out turns into deliveries.</summary>
    private const int FanOutSize = 500;

    /// <summary>The most claims one run makes, so a run ends even when deliveries keep coming.</summary>
    private const int MaxRounds = 200;

    /// <summary>No new claim after a run has lasted this long, so a run against slow receivers still ends (and a stopping host waits little).</summary>
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromSeconds(30);

    /// <summary>This process's lease holder name: unique per process start, so a restarted node never mistakes an old lease for its own.</summary>
    private static readonly string Holder = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}:{Guid.NewGuid():N}";

    private readonly IWebhookOutbox _outbox;
    private readonly ErasureWebhookOptions _options;
    private readonly WebhookSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly Dictionary<string, WebhookEndpoint> _endpoints;

    public WebhookDispatcher(IWebhookOutbox outbox, ErasureWebhookOptions options, WebhookSender sender, TimeProvider time, ILogger<WebhookDispatcher> logger)
    {
        _outbox = outbox;
        _options = options;
        _sender = sender;
        _time = time;
        _logger = logger;
        _endpoints = options.Endpoints.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// How long a claim's lease lasts: long enough for the claim's deliveries to one endpoint, one after
    /// the other, each up to the request timeout, plus one more timeout of margin.
    /// </summary>
    internal TimeSpan LeaseDuration => _options.RequestTimeout * (ClaimSize + 1);

    /// <summary>Runs until no event waits to be fanned out and no delivery is due (or the round or time limit: the next run goes on).</summary>
    /// <returns>How many attempts were made.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        var started = _time.GetUtcNow();
        for (var round = 0; round < MaxRounds && !cancellationToken.IsCancellationRequested; round++)
        {
            var now = _time.GetUtcNow();
            if (now - started > MaxRunTime)
            {
                break;
            }
            var fannedOut = await _outbox.FanOutAsync(EndpointsFor, now, FanOutSize, cancellationToken).ConfigureAwait(false);
            var claimed = await _outbox.ClaimAsync(Holder, now, now + LeaseDuration, ClaimSize, cancellationToken).ConfigureAwait(false);
            if (fannedOut == 0 && claimed.Count == 0)
            {
                break;
            }
            // Endpoints are served side by side, each one's deliveries in event order.
            var sent = await Task.WhenAll(claimed.GroupBy(c => c.Endpoint, StringComparer.Ordinal)
                .Select(group => SendInOrderAsync(group.ToList(), cancellationToken))).ConfigureAwait(false);
            attempts += sent.Sum();
        }
        return attempts;
    }

    private IReadOnlyList<string> EndpointsFor(string eventType) =>
        _options.Endpoints.Where(e => e.Receives(eventType)).Select(e => e.Name).ToList();

    private async Task<int> SendInOrderAsync(IReadOnlyList<ClaimedDelivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
        {
            await SendAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        return deliveries.Count;
    }

    private async Task SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var result = _endpoints.TryGetValue(delivery.Endpoint, out var endpoint)
            ? await _sender.SendAsync(endpoint, new ClaimedDeliveryRequest(delivery.DeliveryId, delivery.Event.EventType, WebhookPayload.Serialize(delivery.DeliveryId, delivery.Event)), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            : new SendResult(false, null, "the endpoint is no longer registered");
        var at = _time.GetUtcNow();
        var attempt = delivery.Attempts + 1;
        var givenUp = !result.Delivered && (endpoint is null || attempt >= _options.MaxAttempts || at - delivery.CreatedAt >= _options.MaxAge);
        var next = at + _options.RetryDelayAfter(attempt);
        var recorded = await _outbox.RecordAttemptAsync(Holder, new DeliveryAttempt
        {
            DeliveryId = delivery.DeliveryId,
            Endpoint = delivery.Endpoint,
            At = at,
            Delivered = result.Delivered,
            GivenUp = givenUp,
            NextAttemptAt = next,
            Status = result.Status,
            Error = result.Error,
        }, cancellationToken).ConfigureAwait(false);
        if (!recorded)
        {
            LogLeaseLost(delivery.DeliveryId, delivery.Endpoint);
        }
        else if (givenUp)
        {
            LogGivenUp(delivery.DeliveryId, delivery.Endpoint, attempt, result.Error);
        }
        else if (!result.Delivered)
        {
            LogRetrying(delivery.DeliveryId, delivery.Endpoint, attempt, result.Error, next);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to endpoint '{Endpoint}' failed (attempt {Attempt}: {Error}); next attempt at {NextAttemptAt:O}.")]
    private partial void LogRetrying(Guid deliveryId, string endpoint, int attempt, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} to endpoint '{Endpoint}' is given up after {Attempt} attempt(s) (last: {Error}); it stays listed as failed and can be sent again.")]
    private partial void LogGivenUp(Guid deliveryId, string endpoint, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to endpoint '{Endpoint}': its lease ran out before the attempt was recorded; another run sends it again.")]
    private partial void LogLeaseLost(Guid deliveryId, string endpoint);
}
