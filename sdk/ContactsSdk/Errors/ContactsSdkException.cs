using System;
using System.Collections.Generic;

namespace ContactsSdk;

/// <summary>
/// The base of every failure of the SDK's calls, the generated routes of <see cref="ContactsClient.Api"/>
/// included: one <c>catch</c> covers refused credentials, HTTP error answers, rate limits, service
/// errors reported with HTTP 200, deletions whose outcome is unknown and waits that ran out of time.
/// </summary>
/// <remarks>
/// <para>
/// Like Azure's <c>RequestFailedException</c>, the base carries what Marketing Cloud said, when it
/// said anything: the HTTP status (<see cref="StatusCode"/>), the gateway's <c>errorcode</c>
/// (<see cref="GatewayErrorCode"/>), the service's result codes (<see cref="ResultCodes"/>), the
/// service message ID (<see cref="ServiceMessageId"/>), and whether the request may have been acted
/// on although no usable answer came (<see cref="IsOutcomeUnknown"/>). Failures of the HTTP exchange
/// are all mapped to these types in one place, so Kiota's <c>ApiException</c> never reaches the caller.
/// </para>
/// <para>
/// Only the caller's own cancellation is passed through unchanged, as an
/// <see cref="OperationCanceledException"/>.
/// </para>
/// </remarks>
public abstract class ContactsSdkException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    protected ContactsSdkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the failure that caused it.</summary>
    protected ContactsSdkException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of Marketing Cloud's answer; null when no answer came (or the failure is not about one).</summary>
    public int? StatusCode { get; protected init; }

    /// <summary>The gateway's <c>errorcode</c> (for example 50100, 50200, 50300), when the answer carried one.</summary>
    public int? GatewayErrorCode { get; protected init; }

    /// <summary>The <c>resultCode</c> of every error the Contacts service reported (empty when it reported none).</summary>
    public IReadOnlyList<string> ResultCodes { get; protected init; } = [];

    /// <summary>The service message ID of the answer, for Marketing Cloud support; null when the answer had none.</summary>
    public string? ServiceMessageId { get; protected init; }

    /// <summary>
    /// Whether Marketing Cloud may have acted on the request although no usable answer came: the
    /// connection broke after the request was sent, no answer came in time, the answer was a server
    /// error or could not be read. A request that changes something (a delete) must then be looked up
    /// before it is sent again. False when the failure proves the request was not processed (a
    /// refusal by the gateway, a connection never made, no token) or when the service answered.
    /// </summary>
    public bool IsOutcomeUnknown { get; protected init; }

    /// <summary>
    /// Whether another try of an idempotent request may succeed, as decided by
    /// <see cref="FailureClassifier"/> when the failure was mapped.
    /// </summary>
    internal bool IsTransient { get; init; }
}
