using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using ContactsSdk.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace ContactsSdk.Http;

/// <summary>
/// The message handlers of the API's HttpClient: Kiota's defaults, less its retry handler, plus
/// <see cref="BearerTokenHandler"/> innermost.
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
        return handlers;
    }

    /// <summary>Creates an HttpClient for the API with the handlers above over the default transport.</summary>
    public static HttpClient CreateHttpClient(MarketingCloudTokenProvider tokens, TimeSpan timeout, HttpMessageHandler? transport = null)
    {
        var client = KiotaClientFactory.Create(CreateHandlers(tokens), transport ?? KiotaClientFactory.GetDefaultHttpMessageHandler());
        client.Timeout = timeout;
        return client;
    }
}
