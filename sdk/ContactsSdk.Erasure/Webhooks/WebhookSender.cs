using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// POSTs one signed delivery and says what came of it. A 2xx answer is a delivery; anything else (an
/// answer, a timeout, no connection) is a failed attempt, described without the URL, secret or body.
/// </summary>
internal sealed class WebhookSender
{
    /// <summary>The named <see cref="HttpClient"/> deliveries use (no redirects followed).</summary>
    public const string HttpClientName = "ContactsSdk.Erasure.Webhooks";

    private readonly IHttpClientFactory _clients;
    private readonly TimeSpan _timeout;

    public WebhookSender(IHttpClientFactory clients, ErasureWebhookOptions options)
    {
        _clients = clients;
        _timeout = options.RequestTimeout;
    }

    public async Task<SendResult> SendAsync(WebhookEndpoint endpoint, ClaimedDeliveryRequest delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new ByteArrayContent(delivery.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeaderName, delivery.DeliveryId.ToString("D"));
        request.Headers.Add(WebhookSignature.EventHeaderName, delivery.EventType);
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Create(endpoint.Secret, now, delivery.Body));
        request.Headers.UserAgent.ParseAdd("ContactsSdk-Erasure-Webhooks/1");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var client = _clients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new SendResult(true, status, null)
                : new SendResult(false, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(false, null, $"no answer within {_timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            // The message may name the host; the error kind and socket error say enough.
            var socket = ex.InnerException as SocketException;
            return new SendResult(false, null, $"no answer: {ex.HttpRequestError}" + (socket is null ? string.Empty : $" ({socket.SocketErrorCode})"));
        }
    }
}

/// <summary>What one POST needs: the delivery ID, the event type and the body to sign.</summary>
internal sealed record ClaimedDeliveryRequest(Guid DeliveryId, string EventType, byte[] Body);

/// <summary>What one POST came to: delivered or not, the HTTP status when there was an answer, and what went wrong.</summary>
internal sealed record SendResult(bool Delivered, int? Status, string? Error);
