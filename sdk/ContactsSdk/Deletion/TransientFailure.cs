using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using ContactsSdk.Authentication;
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
        ContactsAuthenticationException { StatusCode: null or >= 500 } => true,
        ApiException api => api.ResponseStatusCode is 408 or 429 or >= 500,
        _ => false,
    };

    /// <summary>
    /// The wait a 429 or 503 asked for with <c>Retry-After</c> (seconds or an HTTP date), capped by
    /// <paramref name="max"/>; null when the response said nothing usable.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception exception, DateTimeOffset now, TimeSpan max)
    {
        if (exception is not ApiException api)
        {
            return null;
        }
        var header = api.ResponseHeaders
            .FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?
            .FirstOrDefault();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        TimeSpan wait;
        if (int.TryParse(header.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            wait = TimeSpan.FromSeconds(seconds);
        }
        else if (DateTimeOffset.TryParse(header, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            wait = date - now;
        }
        else
        {
            return null;
        }
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}
