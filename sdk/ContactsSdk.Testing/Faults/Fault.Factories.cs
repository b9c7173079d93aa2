using System;
using System.Linq;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Faults;

public abstract partial class Fault
{
    /// <summary>The name of the fields <see cref="ExtraFields"/> adds.</summary>
    public const string ExtraFieldName = "emulatorUnexpectedField";

    /// <summary>The <c>operation.status</c> <see cref="UnknownOperationStatus"/> writes by default.</summary>
    public static readonly string DefaultUnknownOperationStatus = "Scheduled";

    /// <summary>The <c>backgroundOperationStatusID</c> <see cref="UnknownBackgroundOperationStatus"/> writes by default.</summary>
    public static readonly string DefaultUnknownBackgroundOperationStatus = "Queued";

    /// <summary>429 with errorcode 50100 and a Retry-After header.</summary>
    /// <param name="retryAfter">How long the client is asked to wait.</param>
    /// <param name="asHttpDate">Write Retry-After as an HTTP date (on the emulator clock) instead of seconds.</param>
    public static Fault TooManyRequests(TimeSpan retryAfter, bool asHttpDate = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new GatewayErrorFault(
            FaultKind.TooManyRequests,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            GatewayErrors.RateLimitedCode,
            retryAfter,
            asHttpDate,
            $"429 (50100), Retry-After {retryAfter}{(asHttpDate ? " as an HTTP date" : " in seconds")}");
    }

    /// <summary>429 with errorcode 50200 (a quota), without Retry-After.</summary>
    public static Fault QuotaExceeded() => new GatewayErrorFault(
        FaultKind.QuotaExceeded,
        StatusCodes.Status429TooManyRequests,
        "Quota exceeded",
        GatewayErrors.QuotaExceededCode,
        retryAfter: null,
        retryAfterAsHttpDate: false,
        "429 (50200) without Retry-After");

    /// <summary>500 with a gateway-style body.</summary>
    public static Fault InternalServerError() => new GatewayErrorFault(
        FaultKind.InternalServerError,
        StatusCodes.Status500InternalServerError,
        "Internal Server Error",
        GatewayErrors.UndocumentedCode,
        retryAfter: null,
        retryAfterAsHttpDate: false,
        "500");

    /// <summary>503 with errorcode 50300.</summary>
    /// <param name="retryAfter">An optional Retry-After, in seconds.</param>
    public static Fault ServiceUnavailable(TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        return new GatewayErrorFault(
            FaultKind.ServiceUnavailable,
            StatusCodes.Status503ServiceUnavailable,
            "Service Unavailable",
            GatewayErrors.ServiceUnavailableCode,
            retryAfter,
            retryAfterAsHttpDate: false,
            retryAfter is null ? "503 (50300)" : $"503 (50300), Retry-After {retryAfter}");
    }

    /// <summary>Aborts the connection before the request is processed: the server did nothing.</summary>
    public static Fault DropConnectionBeforeProcessing() => new DropConnectionFault(afterProcessing: false);

    /// <summary>
    /// Processes the request (a delete creates its operation), then aborts the connection without
    /// answering: the client cannot tell whether it worked.
    /// </summary>
    public static Fault DropConnectionAfterProcessing() => new DropConnectionFault(afterProcessing: true);

    /// <summary>Processes the request at once, but holds the response back for <paramref name="delay"/> on the emulator clock.</summary>
    public static Fault SlowResponse(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new SlowResponseFault(delay);
    }

    /// <summary>Sends the first half of the JSON body, with a Content-Length that matches.</summary>
    public static Fault TruncatedJson() => new ResponseRewriteFault(
        FaultKind.TruncatedJson, EmulatorRoute.All, "truncate the JSON body", TextRewrites.Truncate);

    /// <summary>Sends a body that is not valid JSON (the first property's colon becomes '=').</summary>
    public static Fault MalformedJson() => new ResponseRewriteFault(
        FaultKind.MalformedJson, EmulatorRoute.All, "malform the JSON body", TextRewrites.Malform);

    /// <summary>
    /// Adds undocumented fields: an object named <see cref="ExtraFieldName"/> as the first property,
    /// and a string field of that name in every nested object.
    /// </summary>
    public static Fault ExtraFields() => new ResponseRewriteFault(
        FaultKind.ExtraFields, EmulatorRoute.All, "add undocumented fields", JsonTreeRewrites.AddExtraFields);

    /// <summary>Removes fields from the body.</summary>
    /// <param name="fieldPaths">
    /// Dotted paths such as <c>operation.status</c> or <c>responseDateTime</c>; a path through an array
    /// (<c>backgroundOperationsSummary.backgroundOperationStatusID</c>) applies to every element.
    /// </param>
    public static Fault MissingFields(params string[] fieldPaths)
    {
        ArgumentNullException.ThrowIfNull(fieldPaths);
        if (fieldPaths.Length == 0 || fieldPaths.Any(path => string.IsNullOrWhiteSpace(path) || path.Split('.').Any(string.IsNullOrEmpty)))
        {
            throw new ArgumentException("Name at least one field, as a dotted path without empty segments.", nameof(fieldPaths));
        }

        var paths = fieldPaths.ToArray();
        return new ResponseRewriteFault(
            FaultKind.MissingFields,
            EmulatorRoute.All,
            $"remove {string.Join(", ", paths)}",
            body => JsonTreeRewrites.RemoveFields(body, paths));
    }

    /// <summary>Reports <paramref name="status"/> (null: <see cref="DefaultUnknownOperationStatus"/>) as <c>operation.status</c> (status route only).</summary>
    public static Fault UnknownOperationStatus(string? status = null)
    {
        status ??= DefaultUnknownOperationStatus;
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return new ResponseRewriteFault(
            FaultKind.UnknownOperationStatus,
            EmulatorRoute.Status,
            $"report operation.status '{status}'",
            body => JsonTreeRewrites.SetString(body, "operation.status", status));
    }

    /// <summary>
    /// Reports <paramref name="status"/> (null: <see cref="DefaultUnknownBackgroundOperationStatus"/>) as every <c>backgroundOperationStatusID</c> (status route only).
    /// Only a delete-phase response has that field: in the suppression phase the body is unchanged.
    /// </summary>
    public static Fault UnknownBackgroundOperationStatus(string? status = null)
    {
        status ??= DefaultUnknownBackgroundOperationStatus;
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return new ResponseRewriteFault(
            FaultKind.UnknownBackgroundOperationStatus,
            EmulatorRoute.Status,
            $"report backgroundOperationStatusID '{status}'",
            body => JsonTreeRewrites.SetString(body, "backgroundOperationsSummary.backgroundOperationStatusID", status));
    }

    /// <summary>Makes the request's access token expire just before it is checked (Contacts routes only).</summary>
    public static Fault ExpireToken() => new TokenInvalidationFault(revoke: false);

    /// <summary>Revokes the request's access token just before it is checked (Contacts routes only).</summary>
    public static Fault RevokeToken() => new TokenInvalidationFault(revoke: true);

    /// <summary>Offsets every time the response reports by <paramref name="offset"/> (positive: the server clock is ahead).</summary>
    public static Fault ClockSkew(TimeSpan offset) => new ClockSkewFault(offset);

    /// <summary>Applies several faults to one request, the first one outermost.</summary>
    public static Fault Combine(params Fault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        if (faults.Length < 2 || faults.Any(fault => fault is null))
        {
            throw new ArgumentException("Combine at least two faults, none of them null.", nameof(faults));
        }

        return new CombinedFault(faults.ToArray());
    }
}
