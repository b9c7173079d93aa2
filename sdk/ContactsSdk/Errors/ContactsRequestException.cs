using System;

namespace ContactsSdk;

/// <summary>
/// A request to Marketing Cloud failed: it answered with an HTTP error (other than a 429, which is
/// <see cref="ContactsRateLimitException"/>), its answer could not be read, or no answer came (the
/// connection failed or broke, or the request timed out). Raised by every call of the SDK, the
/// generated routes of <see cref="ContactsClient.Api"/> included, in place of Kiota's <c>ApiException</c>
/// and the transport's exceptions, which stay available as <see cref="Exception.InnerException"/>
/// (for the generated routes' error model, <c>GatewayError</c>, with its <c>documentation</c> link).
/// </summary>
/// <remarks>
/// <see cref="ContactsSdkException.IsOutcomeUnknown"/> says whether the service may have acted on the
/// request; <see cref="ContactsSdkException.StatusCode"/> is null when no answer came.
/// </remarks>
public class ContactsRequestException : ContactsSdkException
{
    /// <summary>Creates the exception (for tests of code that handles it; the SDK makes its own).</summary>
    /// <param name="message">What failed; never a secret, a token or a subject's identifier.</param>
    /// <param name="statusCode">The HTTP status of the answer, or null when none came.</param>
    /// <param name="gatewayErrorCode">The gateway's <c>errorcode</c>, when the answer carried one.</param>
    /// <param name="isOutcomeUnknown">Whether the service may have acted on the request.</param>
    /// <param name="retryAfter">The wait the answer asked for (<c>Retry-After</c>), when it asked for one.</param>
    /// <param name="innerException">The failure of the exchange itself.</param>
    public ContactsRequestException(string message, int? statusCode = null, int? gatewayErrorCode = null, bool isOutcomeUnknown = false, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        GatewayErrorCode = gatewayErrorCode;
        IsOutcomeUnknown = isOutcomeUnknown;
        RetryAfter = retryAfter;
    }

    /// <summary>How long the answer asked to wait before sending again (<c>Retry-After</c>, for example on a 503); null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
