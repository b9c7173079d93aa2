using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// The outermost piece of the transport, just above the socket handler: it sees every request
/// exactly as the SDK's pipeline finally sends it (after redirects, token refreshes and retries) and
/// every response exactly as the wire delivered it. Tests use it to count what really went out.
/// </summary>
internal sealed class RecordingTransport : DelegatingHandler
{
    private readonly ConcurrentQueue<WireExchange> _exchanges = new();

    public RecordingTransport(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public IReadOnlyCollection<WireExchange> Exchanges => _exchanges.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization?.ToString();
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            // Buffered here so the body can be recorded; the caller reads the same bytes afterwards.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch (Exception error)
        {
            _exchanges.Enqueue(new WireExchange(request.Method.Method, request.RequestUri!, authorization, requestBody, null, null, error));
            throw;
        }

        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        _exchanges.Enqueue(new WireExchange(request.Method.Method, request.RequestUri!, authorization, requestBody, (int)response.StatusCode, responseBody, null));
        return response;
    }
}
