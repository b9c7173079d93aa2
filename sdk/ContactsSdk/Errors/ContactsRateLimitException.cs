using System;
using System.Globalization;

namespace ContactsSdk;

/// <summary>
/// Marketing Cloud's gateway refused a request with HTTP 429: the request never reached the
/// Contacts service, so it is safe to send again once <see cref="RetryAfter"/> has passed.
/// </summary>
/// <remarks>
/// Error code 50100 is a rate limit that comes with <c>Retry-After</c>; 50200 ("your requests are
/// temporarily blocked") comes without it, and the SDK then pauses every request of the client's
/// pipeline for <see cref="ContactsClientOptions.TemporarilyBlockedPause"/>: that
/// pause is the <see cref="RetryAfter"/> reported.
/// </remarks>
public sealed class ContactsRateLimitException : ContactsSdkException
{
    /// <summary>The gateway's error code for a rate limit answered with <c>Retry-After</c>.</summary>
    public const int RateLimitedErrorCode = 50100;

    /// <summary>The gateway's error code for "temporarily blocked", answered without <c>Retry-After</c>.</summary>
    public const int TemporarilyBlockedErrorCode = 50200;

    /// <summary>Creates the exception; the message is built from the code and the delay.</summary>
    public ContactsRateLimitException(int? errorCode, TimeSpan? retryAfter)
        : base(Describe(errorCode, retryAfter))
    {
        StatusCode = 429;
        GatewayErrorCode = errorCode;
        RetryAfter = retryAfter;
        IsTransient = true;
    }

    /// <summary>The gateway's <c>errorcode</c> (50100 or 50200), or null when the body carried none: <see cref="ContactsSdkException.GatewayErrorCode"/>.</summary>
    public int? ErrorCode => GatewayErrorCode;

    /// <summary>
    /// How long to wait before sending again: the answer's <c>Retry-After</c>, or the pause the SDK
    /// applied to the whole pipeline after a 50200. Null when neither applies.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the gateway said the requests are temporarily blocked (error code 50200).</summary>
    public bool IsTemporarilyBlocked => ErrorCode == TemporarilyBlockedErrorCode;

    private static string Describe(int? errorCode, TimeSpan? retryAfter)
    {
        var code = errorCode switch
        {
            RateLimitedErrorCode => "errorcode 50100, rate limit exceeded",
            TemporarilyBlockedErrorCode => "errorcode 50200, requests temporarily blocked",
            { } other => "errorcode " + other.ToString(CultureInfo.InvariantCulture),
            null => "no error code",
        };
        var wait = retryAfter is { } delay
            ? $"; send again after {delay.ToString("c", CultureInfo.InvariantCulture)}"
            : "; the answer said nothing about when to send again";
        return $"Marketing Cloud refused the request with HTTP 429 ({code}){wait}. The request was not processed.";
    }
}
