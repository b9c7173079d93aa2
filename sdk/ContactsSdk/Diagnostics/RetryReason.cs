using System;
using System.Net.Http;
using System.Text.Json;
using ContactsSdk.Authentication;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Diagnostics;

/// <summary>The <c>contactssdk.retry.reason</c> of a failure that is about to be retried.</summary>
internal static class RetryReason
{
    /// <summary>A 401 answered by the pipeline with a fresh token and one resend.</summary>
    public const string TokenRejected = "token_rejected";

    public static string Of(Exception exception) => exception switch
    {
        ApiException { InnerException: JsonException } or JsonException => "unreadable_response",
        ApiException { ResponseStatusCode: 429 } => "rate_limited",
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
