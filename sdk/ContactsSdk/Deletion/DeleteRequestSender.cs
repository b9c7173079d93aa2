using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Generated.Models;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Deletion;

/// <summary>
/// Sends a delete request with the only retries that cannot queue a second deletion: after a 429
/// (the gateway refused it unprocessed) and after a connection that was never established. Any
/// failure after the request may have reached the service becomes
/// <see cref="DeletionOutcomeUnknownException"/>.
/// </summary>
internal static class DeleteRequestSender
{
    /// <summary>How many 429s or refused connections a delete request survives.</summary>
    public const int MaxRetries = 3;

    public static async Task<DeleteContactsResponse> SendAsync(
        Func<CancellationToken, Task<DeleteContactsResponse?>> send,
        TimeProvider time,
        TimeSpan maxRetryAfter,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await send(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The delete call returned an empty body.");
            }
            catch (ApiException ex) when (ex.ResponseStatusCode == 429 && attempt < MaxRetries)
            {
                var wait = TransientFailure.RetryAfter(ex, time.GetUtcNow(), maxRetryAfter) ?? TimeSpan.FromSeconds(1 << attempt);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (NeverSent(ex) && attempt < MaxRetries)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 << attempt), time, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (!NeverSent(ex))
            {
                throw new DeletionOutcomeUnknownException(
                    "The delete request failed after it may have reached Marketing Cloud; it was not retried so as not to queue a second deletion. " + ex.Message, ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DeletionOutcomeUnknownException(
                    "The delete request timed out after it may have reached Marketing Cloud; it was not retried so as not to queue a second deletion.", ex);
            }
        }
    }

    /// <summary>True when the connection was never established, so the service cannot have seen the request.</summary>
    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError;
}
