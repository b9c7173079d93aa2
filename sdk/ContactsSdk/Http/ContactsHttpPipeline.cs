using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using ContactsSdk.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace ContactsSdk.Http;

/// <summary>
/// The message handlers of the API's HttpClient: Kiota's defaults, less its retry handler, then
/// <see cref="BearerTokenHandler"/> and, innermost, <see cref="TelemetryHandler"/>. The token
/// endpoint's HttpClient has the telemetry handler alone.
/// </summary>
/// <remarks>
/// Kiota's retry handler sleeps on the real clock and retries POSTs it cannot know are safe to
/// repeat. Retrying belongs to <see cref="ContactsClient"/>, which knows which calls are idempotent,
/// bounds every retry by its options and waits on the injected <see cref="TimeProvider"/>.
/// </remarks>
internal static class ContactsHttpPipeline
{
    /// <summary>Creates a fresh set of handlers (handlers cannot be shared between clients).</summary>
    public static IList<DelegatingHandler> CreateHandlers(MarketingCloudTokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var handlers = KiotaClientFactory.CreateDefaultHandlers().Where(handler => handler is not RetryHandler).ToList();
        handlers.Add(new BearerTokenHandler(tokens));
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

    /// <summary>Creates an HttpClient for the API with the handlers above over the default transport.</summary>
    public static HttpClient CreateHttpClient(MarketingCloudTokenProvider tokens, TimeSpan timeout, HttpMessageHandler? transport = null)
    {
        var client = KiotaClientFactory.Create(CreateHandlers(tokens), transport ?? KiotaClientFactory.GetDefaultHttpMessageHandler());
        client.Timeout = timeout;
        return client;
    }
}
