using System;
using System.Linq;
using System.Net.Http;
using ContactsSdk.Authentication;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Errors;
using ContactsSdk.Generated.Models;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>Reduces an exception to codes for the ledger: never its message, which may quote a subject.</summary>
internal static class ErrorInfos
{
    public static ErrorInfo From(Exception exception) => exception switch
    {
        ContactsServiceException service => new ErrorInfo(nameof(ContactsServiceException), 200, null, Codes(service)),
        GatewayError gateway => new ErrorInfo("GatewayError", gateway.ResponseStatusCode, gateway.Errorcode, null),
        ApiException api => new ErrorInfo(nameof(ApiException), api.ResponseStatusCode, null, null),
        HttpRequestException http => new ErrorInfo("HttpRequestException:" + http.HttpRequestError, (int?)http.StatusCode, null, null),
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
        ApiException api when api.InnerException is null => api.ResponseStatusCode is >= 400 and < 500,
        HttpRequestException http => http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError,
        ContactsAuthenticationException => true,
        _ => false,
    };
}
