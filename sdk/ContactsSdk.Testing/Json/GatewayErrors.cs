using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Errors of the API gateway in front of the Contacts service:
/// <c>{"message":"…","errorcode":N,"documentation":"…"}</c>.
/// </summary>
internal static class GatewayErrors
{
    public const string DocumentationUrl =
        "https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/error-handling.htm";

    /// <summary>401: the token is missing, unknown, expired or revoked.</summary>
    public const int NotAuthorizedCode = 0;

    /// <summary>429 from the rate limit, sent with Retry-After.</summary>
    public const int RateLimitedCode = 50100;

    /// <summary>429 from a quota, sent without Retry-After.</summary>
    public const int QuotaExceededCode = 50200;

    /// <summary>503: the service is unavailable.</summary>
    public const int ServiceUnavailableCode = 50300;

    /// <summary>Codes the documentation does not give; chosen by the emulator, clients should only read the status.</summary>
    public const int UndocumentedCode = 0;

    public static Task WriteAsync(HttpContext context, int statusCode, string message, int errorCode) =>
        WriteAsync(context, statusCode, message, errorCode, retryAfterSeconds: null);

    /// <summary>The body, with <c>retryAfter</c> (seconds) when given, as the rate limiting document shows it for 50100.</summary>
    private static Task WriteAsync(HttpContext context, int statusCode, string message, int errorCode, long? retryAfterSeconds) =>
        JsonResponse.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteNumber("errorcode", errorCode);
            if (retryAfterSeconds is { } seconds)
            {
                writer.WriteNumber("retryAfter", seconds);
            }
            writer.WriteString("documentation", DocumentationUrl);
            writer.WriteEndObject();
        });

    public static Task NotAuthorizedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Not Authorized", NotAuthorizedCode);

    public static Task ForbiddenAsync(HttpContext context, string requiredScope) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, $"Insufficient privileges: the token lacks scope {requiredScope}.", UndocumentedCode);

    public static Task BadRequestAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, message, UndocumentedCode);

    public static Task NotFoundAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", UndocumentedCode);

    /// <summary>429 errorcode 50100: the header and the body's <c>retryAfter</c> give the same whole seconds.</summary>
    public static Task RateLimitedAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = RetryAfterValue.WholeSeconds(retryAfter);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, "Rate limit exceeded", RateLimitedCode, seconds);
    }
}
