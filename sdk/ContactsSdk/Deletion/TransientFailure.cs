using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using ContactsSdk.Authentication;
using ContactsSdk.Errors;
using ContactsSdk.Http;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Deletion;

/// <summary>
/// Sorts the failures of an idempotent call (a status read) into those worth another try and those
/// that are final, and reads how long the server asked to wait.
/// </summary>
internal static class TransientFailure
{
    /// <summary>Whether another try of an idempotent request may succeed.</summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        // The caller's own cancellation is never transient; a timeout is.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        HttpRequestException => true,
        // A truncated or garbled body (Kiota wraps the parser's error): the next read will most likely be whole.
        JsonException or ApiException { InnerException: JsonException } => true,
        ContactsAuthenticationException auth => IsTransient(auth),
        // The gateway refused the request before the service saw it: it may pass after the wait.
        ContactsRateLimitException => true,
        // A 401 here has already had the pipeline's one refresh and resend: the fresh token was
        // rejected too (revoked again, or not yet known to every gateway node). The next poll starts
        // from yet another token, and the failure limit still bounds the tries.
        ApiException api => api.ResponseStatusCode is 401 or 408 or 429 or >= 500,
        _ => false,
    };

    /// <summary>
    /// Whether a token request may succeed if tried again: the endpoint could not be reached, did
    /// not answer in time, was rate limited or failed on its side. Refused credentials are final.
    /// </summary>
    public static bool IsTransient(ContactsAuthenticationException exception) =>
        exception.StatusCode is null or 429 or >= 500;

    /// <summary>
    /// The wait a 429 or 503 asked for (<c>Retry-After</c>, in seconds or as an HTTP date, or the
    /// pause the pipeline applied after a 429 with error code 50200), capped by <paramref name="max"/>;
    /// null when the failure said nothing usable.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception exception, DateTimeOffset now, TimeSpan max)
    {
        var wait = exception switch
        {
            ContactsRateLimitException limited => limited.RetryAfter,
            ApiException api => RetryAfterHeader.Parse(Header(api, "Retry-After"), Header(api, "Date"), now),
            _ => null,
        };
        return wait > max ? max : wait;
    }

    private static string? Header(ApiException exception, string name) => exception.ResponseHeaders
        .FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?
        .FirstOrDefault();
}
