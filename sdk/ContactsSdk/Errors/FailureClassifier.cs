using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using ContactsSdk.Authentication;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk;

/// <summary>Which requests a failure may be retried for.</summary>
internal enum RetryScope
{
    /// <summary>Final: another try would fail the same way (a refusal, a service error, the caller's cancellation).</summary>
    Never,

    /// <summary>
    /// Another try may succeed, but the service may have acted on the request (or, for a 408, the SDK
    /// has never resent it): only a request that changes nothing (a GET) may be sent again.
    /// </summary>
    IdempotentOnly,

    /// <summary>
    /// The failure proves the request was not processed and may pass with time (a 429, a 401, a
    /// connection never made, no token): any request may be sent again, a delete included.
    /// </summary>
    AnyRequest,
}

/// <summary>What a failure says about its request: whether it may be retried, and whether the service may have acted on it.</summary>
/// <param name="Scope">Which requests may be sent again after it.</param>
/// <param name="IsOutcomeUnknown">Whether the service may have acted on the request although no usable answer came.</param>
/// <param name="Reason">The <c>contactssdk.retry.reason</c> reported when it is retried.</param>
internal readonly record struct Failure(RetryScope Scope, bool IsOutcomeUnknown, string Reason)
{
    /// <summary>Whether another try of an idempotent request may succeed.</summary>
    public bool IsTransient => Scope != RetryScope.Never;

    /// <summary>Whether a request of this method may be sent again: a POST only when the failure proves it was not processed.</summary>
    public bool AllowsRetryOf(HttpMethod method) =>
        Scope == RetryScope.AnyRequest || (Scope == RetryScope.IdempotentOnly && IsIdempotent(method));

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
}

/// <summary>
/// The one place that decides, for every failure of a request (an HTTP status, a transport error,
/// a timeout, a token failure, or one of the SDK's exceptions made from them), whether it may be
/// retried and whether its outcome is unknown. The retry policy of the pipeline, the mapping to
/// <see cref="ContactsSdkException"/>, the delete's POST rule and the deletion waits all ask it.
/// </summary>
internal static class FailureClassifier
{
    /// <summary>The reason of a 401 answered by the pipeline with a fresh token and one resend.</summary>
    public const string TokenRejected = "token_rejected";

    /// <summary>The reason of a 429.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>What an HTTP error answer says about its request.</summary>
    public static Failure OfStatus(int status) => status switch
    {
        // The gateway refuses both before the service sees the request.
        429 => new(RetryScope.AnyRequest, false, RateLimited),
        // A 401 that leaves the pipeline has had its one refresh and resend: the fresh token was
        // rejected too (revoked again, or not yet known to every gateway node).
        401 => new(RetryScope.AnyRequest, false, "unauthorized"),
        // Never resent for a POST (the POST policy has never counted it as proof).
        408 => new(RetryScope.IdempotentOnly, false, "timeout"),
        // A server error says nothing about what was processed.
        >= 500 => new(RetryScope.IdempotentOnly, true, "server_error"),
        _ => new(RetryScope.Never, false, "client_error"),
    };

    /// <summary>What <paramref name="exception"/> says about its request; <paramref name="callerToken"/> tells the caller's cancellation from a timeout.</summary>
    public static Failure Of(Exception exception, CancellationToken callerToken) => exception switch
    {
        // The SDK's mapped exception: decided from what it was made of.
        ContactsRequestException { InnerException: { } inner } => Of(inner, callerToken),
        ContactsRequestException request => request.StatusCode is { } status ? OfStatus(status) : Final(request.IsOutcomeUnknown, "other"),
        ContactsRateLimitException => OfStatus(429),
        // The token is fetched before the request is sent: no token, no request.
        ContactsAuthenticationException auth => IsTransient(auth) ? new(RetryScope.AnyRequest, false, "token_unavailable") : Final(false, "token_refused"),
        ContactsServiceException => Final(false, "service_error"),
        ContactsSdkException other => Final(other.IsOutcomeUnknown, "other"),
        // A truncated or garbled body (Kiota wraps the parser's error): the service answered, so it
        // most likely acted; the next read will most likely be whole.
        JsonException or ApiException { InnerException: JsonException } => new(RetryScope.IdempotentOnly, true, "unreadable_response"),
        ApiException api => OfStatus(api.ResponseStatusCode),
        OperationCanceledException when callerToken.IsCancellationRequested => Final(false, "cancelled"),
        // Time ran out while the token was fetched: the request itself never left the client.
        OperationCanceledException cancelled when TokenNotObtainedException.IsIn(cancelled) => new(RetryScope.AnyRequest, false, "token_unavailable"),
        OperationCanceledException => new(RetryScope.IdempotentOnly, true, "timeout"),
        HttpRequestException http when NeverSent(http) => new(RetryScope.AnyRequest, false, "network_error"),
        HttpRequestException => new(RetryScope.IdempotentOnly, true, "network_error"),
        _ => Final(false, "other"),
    };

    /// <summary>
    /// Whether a token request may succeed if tried again: the endpoint could not be reached, did
    /// not answer in time, was rate limited or failed on its side. Refused credentials are final.
    /// </summary>
    public static bool IsTransient(ContactsAuthenticationException exception) =>
        exception.StatusCode is null or 429 or >= 500;

    /// <summary>
    /// True when the connection was never established, so the service cannot have seen the request.
    /// SocketsHttpHandler reports these kinds only while connecting; a connection that breaks once
    /// the request is written is reported as an I/O error or a premature end of the response.
    /// </summary>
    public static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError;

    private static Failure Final(bool outcomeUnknown, string reason) => new(RetryScope.Never, outcomeUnknown, reason);
}
