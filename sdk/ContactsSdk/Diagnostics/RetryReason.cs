using System;
using System.Net.Http;
using System.Text.Json;
using ContactsSdk.Authentication;
using ContactsSdk.Errors;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Diagnostics;

/// <summary>The <c>contactssdk.retry.reason</c> of a failure that is about to be retried.</summary>
internal static class RetryReason
{
    /// <summary>A 401 answered by the pipeline with a fresh token and one resend.</summary>
    public const string TokenRejected = "token_rejected";

    /// <summary>A 429: the request is sent again once the delay Marketing Cloud asked for has passed.</summary>
    public const string RateLimited = "rate_limited";

    public static string Of(Exception exception) => exception switch
    {
        ContactsRateLimitException => RateLimited,
        ApiException { InnerException: JsonException } or JsonException => "unreadable_response",
        ApiException { ResponseStatusCode: 429 } => RateLimited,
        ApiException { ResponseStatusCode: 401 } => "unauthorized",
        ApiException { ResponseStatusCode: 408 } => "timeout",
        ApiException { ResponseStatusCode: >= 500 } => "server_error",
        ContactsAuthenticationException => "token_unavailable",
        OperationCanceledException cancelled when TokenNotObtainedException.IsIn(cancelled) => "token_unavailable",
        OperationCanceledException => "timeout",
        HttpRequestException => "network_error",
        _ => "other",
    };
}
