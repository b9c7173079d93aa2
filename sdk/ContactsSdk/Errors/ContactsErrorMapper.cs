using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using ContactsSdk.Authentication;
using ContactsSdk.Models;
using ContactsSdk.Http;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk;

/// <summary>
/// The one place where a failed request becomes a <see cref="ContactsSdkException"/> (as Azure.Core
/// turns every failed response into <c>RequestFailedException</c>): Kiota's <c>ApiException</c>
/// (the generated <c>GatewayError</c> included), an unreadable body, a transport failure or a
/// request timeout become <see cref="ContactsRequestException"/>, classified by
/// <see cref="FailureClassifier"/>. The request adapter applies it to every call.
/// </summary>
internal static class ContactsErrorMapper
{
    /// <summary>
    /// Whether <paramref name="exception"/> is a failure of the exchange that must be mapped. The
    /// SDK's own exceptions, the caller's cancellation and programming errors pass unchanged.
    /// </summary>
    public static bool Maps(Exception exception, CancellationToken callerToken) => exception switch
    {
        ContactsSdkException => false,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        ApiException or JsonException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>The <see cref="ContactsRequestException"/> for a failure <see cref="Maps"/> accepted.</summary>
    public static ContactsRequestException Map(Exception exception, DateTimeOffset now, CancellationToken callerToken)
    {
        var failure = FailureClassifier.Of(exception, callerToken);
        var (status, message) = Describe(exception);
        var gatewayCode = exception is GatewayError gateway ? gateway.Errorcode : null;
        return new ContactsRequestException(message, status, gatewayCode, failure.IsOutcomeUnknown, RetryAfter(exception, now), exception)
        {
            IsTransient = failure.IsTransient,
        };
    }

    private static (int? Status, string Message) Describe(Exception exception) => exception switch
    {
        JsonException or ApiException { InnerException: JsonException } =>
            (StatusOf(exception), "Marketing Cloud's answer could not be read (truncated or not the documented JSON)."),
        GatewayError gateway => (gateway.ResponseStatusCode, string.Create(CultureInfo.InvariantCulture,
            $"Marketing Cloud answered HTTP {gateway.ResponseStatusCode}{CodeText(gateway.Errorcode)}: {gateway.Message}")),
        ApiException api => (api.ResponseStatusCode, string.Create(CultureInfo.InvariantCulture,
            $"Marketing Cloud answered HTTP {api.ResponseStatusCode}.")),
        HttpRequestException http => (null, $"The request to Marketing Cloud failed without an answer: {http.Message}"),
        OperationCanceledException cancelled when TokenNotObtainedException.IsIn(cancelled) =>
            (null, "The request was not sent: no access token was obtained in time."),
        _ => (null, "No answer came from Marketing Cloud within the request timeout."),
    };

    private static int? StatusOf(Exception exception) => exception is ApiException { ResponseStatusCode: > 0 } api ? api.ResponseStatusCode : null;

    private static string CodeText(int? errorCode) =>
        errorCode is { } code ? " (errorcode " + code.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;

    /// <summary>The answer's <c>Retry-After</c> (seconds or an HTTP date measured from its <c>Date</c>), when it had one.</summary>
    private static TimeSpan? RetryAfter(Exception exception, DateTimeOffset now) => exception is ApiException api
        ? RetryAfterHeader.Parse(Header(api, "Retry-After"), Header(api, "Date"), now)
        : null;

    private static string? Header(ApiException exception, string name) => exception.ResponseHeaders
        .FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?
        .FirstOrDefault();
}
