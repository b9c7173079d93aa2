using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using ContactsSdk.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using KiotaRetryHandler = Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler;

namespace ContactsSdk.Http;

/// <summary>
/// The message handlers of the API's HttpClient: Kiota's defaults, less its retry handler, then the
/// SDK's one retry policy (<see cref="RetryHandler"/>), <see cref="BearerTokenHandler"/>, the
/// rate-limit gate, the request timeout and, innermost,
/// <see cref="TelemetryHandler"/> (one measurement per attempt on the wire). The token endpoint's
/// HttpClient has the telemetry handler alone.
/// </summary>
/// <remarks>
/// Kiota's retry handler sleeps on the real clock and retries POSTs it cannot know are safe to
/// repeat. <see cref="RetryHandler"/> retries a POST only after a failure that proves it was not
/// processed, bounds every retry by <see cref="ContactsClientOptions.Retry"/> and waits on the
/// gate's <see cref="TimeProvider"/>.
/// The request timeout is a handler rather than <see cref="HttpClient.Timeout"/> so that it counts
/// from the moment a request leaves the gate, not from the moment it was queued.
/// </remarks>
internal static class ContactsHttpPipeline
{
    /// <summary>
    /// Creates a fresh set of handlers (handlers cannot be shared between clients; the gate can, and
    /// should be, by every client of one worker). The HttpClient built over them must have no timeout
    /// of its own (<see cref="Timeout.InfiniteTimeSpan"/>): the options' <see cref="ContactsClientOptions.RequestTimeout"/>
    /// is applied here, to each attempt.
    /// </summary>
    public static IList<DelegatingHandler> CreateHandlers(MarketingCloudTokenProvider tokens, ContactsRequestGate gate, ContactsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero);
        var handlers = KiotaClientFactory.CreateDefaultHandlers().Where(handler => handler is not KiotaRetryHandler).ToList();
        handlers.Add(new RetryHandler(options.Retry, gate.Time, gate.Logger));
        handlers.Add(new BearerTokenHandler(tokens));
        handlers.Add(new RateLimitHandler(gate));
        handlers.Add(new AttemptTimeoutHandler(options.RequestTimeout));
        handlers.Add(new TelemetryHandler());
        return handlers;
    }

    /// <summary>Creates the handlers of the token endpoint's HttpClient.</summary>
    public static IList<DelegatingHandler> CreateAuthHandlers() => new List<DelegatingHandler> { new TelemetryHandler() };

    /// <summary>Creates an HttpClient for the token endpoint over the default transport.</summary>
    public static HttpClient CreateAuthHttpClient(TimeSpan timeout)
    {
        return new HttpClient(new TelemetryHandler { InnerHandler = new HttpClientHandler() }) { Timeout = timeout };
    }

    /// <summary>Creates an HttpClient for the API with the handlers above over <paramref name="transport"/> (the default transport when null).</summary>
    public static HttpClient CreateHttpClient(MarketingCloudTokenProvider tokens, ContactsRequestGate gate, ContactsClientOptions options, HttpMessageHandler? transport = null)
    {
        var client = KiotaClientFactory.Create(CreateHandlers(tokens, gate, options), transport ?? KiotaClientFactory.GetDefaultHttpMessageHandler());
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }
}
