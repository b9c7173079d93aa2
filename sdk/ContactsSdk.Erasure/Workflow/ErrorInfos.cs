using System;
using System.Linq;
using System.Net.Http;
using ContactsSdk.Authentication;
using ContactsSdk.Erasure.Ledger;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>Reduces an exception to codes for the ledger: never its message, which may quote a subject.</summary>
internal static class ErrorInfos
{
    public static ErrorInfo From(Exception exception) => exception switch
    {
        ContactsServiceException service => new ErrorInfo(nameof(ContactsServiceException), 200, null, Codes(service)),
        // The SDK maps every failed exchange to ContactsRequestException; the kind keeps what it was made of.
        ContactsRequestException { InnerException: HttpRequestException http } request =>
            new ErrorInfo("HttpRequestException:" + http.HttpRequestError, request.StatusCode, null, null),
        ContactsRequestException { GatewayErrorCode: not null } request => new ErrorInfo("GatewayError", request.StatusCode, request.GatewayErrorCode, null),
        ContactsRequestException request => new ErrorInfo(nameof(ContactsRequestException), request.StatusCode, null, null),
        ContactsRateLimitException limited => new ErrorInfo(nameof(ContactsRateLimitException), 429, limited.GatewayErrorCode, null),
        ContactsAuthenticationException => new ErrorInfo(nameof(ContactsAuthenticationException), null, null, null),
        _ => new ErrorInfo(exception.GetType().Name, null, null, null),
    };

    public static ResultCode[] Codes(ContactsServiceException exception) =>
        exception.ResultMessages
            .Where(m => string.Equals(m.ResultClass, "Error", StringComparison.OrdinalIgnoreCase))
            .Select(m => new ResultCode(m.ResultType, m.ResultClass, m.ResultCode))
            .ToArray();

    /// <summary>
    /// Failures the SDK proves the service did not act on: a gateway refusal (4xx), a connection never
    /// made, no token. Everything else that is not a service refusal may have queued the deletion.
    /// </summary>
    public static bool ProvesNotProcessed(Exception exception) => exception switch
    {
        // An HTTP 4xx answer, or a request that never left (its outcome is then known: not processed).
        ContactsRequestException request => !request.IsOutcomeUnknown && request.StatusCode is null or (>= 400 and < 500),
        // A 429 is the gateway refusing the request before the service saw it.
        ContactsRateLimitException => true,
        ContactsAuthenticationException => true,
        _ => false,
    };
}
