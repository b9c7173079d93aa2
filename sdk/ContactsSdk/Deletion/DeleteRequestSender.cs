using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Authentication;
using ContactsSdk.Diagnostics;
using ContactsSdk.Errors;
using ContactsSdk.Generated.Models;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Deletion;

/// <summary>
/// Sends a delete request with the only retries that cannot queue a second deletion: after a 429 or
/// a 401 (the gateway refused the request before the service saw it), after a connection that was
/// never established, and after a token request that failed before the delete could be sent. (A
/// first 401 is already answered inside the pipeline by one token refresh and one resend; a 401 that
/// reaches this class rejected the fresh token too.) Any failure after the request may have reached
/// the service becomes <see cref="DeletionOutcomeUnknownException"/>; nothing else is retried.
/// </summary>
internal static class DeleteRequestSender
{
    /// <summary>How many retries a delete request gets: at most 1 + MaxRetries sends.</summary>
    public const int MaxRetries = 3;

    private const string NotResent =
        " The deletion may or may not have been queued; the request was not sent again so as not to queue a second deletion." +
        " Look the deletion up (for example on the analytics delete-requests route) before sending it again.";

    public static async Task<DeleteContactsResponse> SendAsync(
        Func<CancellationToken, Task<DeleteContactsResponse?>> send,
        TimeProvider time,
        TimeSpan maxRetryAfter,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                return await send(cancellationToken).ConfigureAwait(false)
                    ?? throw new DeletionOutcomeUnknownException("Marketing Cloud answered the delete request with an empty body." + NotResent);
            }
            catch (Exception ex) when (attempt < MaxRetries && IsRetryableUnprocessed(ex))
            {
                wait = TransientFailure.RetryAfter(ex, time.GetUtcNow(), maxRetryAfter) ?? TimeSpan.FromSeconds(1 << attempt);
                ContactsSdkTelemetry.Retrying(RetryReason.Of(ex));
            }
            catch (Exception ex) when (MayHaveBeenProcessed(ex, cancellationToken) is { } reason)
            {
                throw new DeletionOutcomeUnknownException(reason + NotResent, ex);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Failures that prove the service did not act on the request and may pass with time.</summary>
    private static bool IsRetryableUnprocessed(Exception exception) => exception switch
    {
        ApiException { InnerException: JsonException } => false,
        ApiException api => api.ResponseStatusCode is 401 or 429,
        ContactsRateLimitException => true,
        HttpRequestException http => NeverSent(http),
        // The token is fetched before the delete is sent: no token, no delete.
        ContactsAuthenticationException auth => TransientFailure.IsTransient(auth),
        // Time ran out while the token was fetched: the delete itself never left the client.
        OperationCanceledException cancelled => TokenNotObtainedException.IsIn(cancelled),
        _ => false,
    };

    /// <summary>
    /// Why the service may have acted on a failed request, or null when the failure proves it did
    /// not (a 4xx, a connection never established, no token, the caller's own cancellation).
    /// </summary>
    private static string? MayHaveBeenProcessed(Exception exception, CancellationToken callerToken) => exception switch
    {
        // Kiota wraps the parser's error: the service answered, so it most likely queued the deletion.
        ApiException { InnerException: JsonException } or JsonException => "Marketing Cloud's answer to the delete request could not be read.",
        ApiException { ResponseStatusCode: >= 500 } api => $"Marketing Cloud answered the delete request with HTTP {api.ResponseStatusCode}.",
        HttpRequestException http when !NeverSent(http) => $"The connection broke after the delete request was sent ({http.Message}).",
        OperationCanceledException when !callerToken.IsCancellationRequested => "No answer to the delete request came within the request timeout.",
        _ => null,
    };

    /// <summary>
    /// True when the connection was never established, so the service cannot have seen the request.
    /// SocketsHttpHandler reports these kinds only while connecting; a connection that breaks once
    /// the request is written is reported as an I/O error or a premature end of the response.
    /// </summary>
    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError;
}
