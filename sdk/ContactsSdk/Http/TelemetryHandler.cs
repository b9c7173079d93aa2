using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using static ContactsSdk.Diagnostics.ContactsSdkDiagnostics;

namespace ContactsSdk.Http;

/// <summary>
/// The innermost handler of both pipelines (API and token endpoint): counts and times every request
/// that really goes on the wire, resends included, by route, method and outcome, and counts 429s by
/// the gateway's <c>errorcode</c>. Routes are paths with numeric segments replaced, so neither a
/// query string nor an ID becomes a tag value.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    /// <summary>Error bodies larger than this are not read for their code (gateway errors are a few hundred bytes).</summary>
    private const long MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = RouteOf(request.RequestUri);
        var method = request.Method.Method;
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Record(route, method, ex is OperationCanceledException ? "cancelled" : "network_error", statusCode: null, started);
            throw;
        }

        var status = (int)response.StatusCode;
        Record(route, method, status switch { < 400 => "success", < 500 => "client_error", _ => "server_error" }, status, started);
        if (status >= 400)
        {
            var errorCode = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
            if (errorCode is not null)
            {
                ContactsSdkTelemetry.GatewayErrorSeen(status, errorCode);
            }
            if (status == 429)
            {
                ContactsSdkTelemetry.RateLimited.Add(1,
                    new KeyValuePair<string, object?>(Tags.ErrorCode, errorCode ?? "none"),
                    new KeyValuePair<string, object?>(Tags.Route, route));
            }
        }
        return response;
    }

    /// <summary>The path with every all-digit segment replaced by <c>{id}</c>.</summary>
    internal static string RouteOf(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return "unknown";
        }
        var segments = uri.AbsolutePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && IsDigits(segments[i]))
            {
                segments[i] = "{id}";
            }
        }
        return string.Join('/', segments);
    }

    private static bool IsDigits(string segment)
    {
        foreach (var c in segment)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static void Record(string route, string method, string outcome, int? statusCode, long started)
    {
        var tags = new TagList
        {
            { Tags.Route, route },
            { Tags.HttpMethod, method },
            { Tags.Outcome, outcome },
        };
        if (statusCode is { } status)
        {
            tags.Add(Tags.HttpStatusCode, status);
        }
        ContactsSdkTelemetry.Requests.Add(1, tags);
        ContactsSdkTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    /// <summary>
    /// The gateway's <c>errorcode</c>, read from a buffered copy of a small JSON error body (the
    /// caller still reads the body afterwards); null when there is none or it cannot be read.
    /// </summary>
    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true
            || content.Headers.ContentLength is 0 or > MaxErrorBodyBytes)
        {
            return null;
        }
        try
        {
            await content.LoadIntoBufferAsync(MaxErrorBodyBytes).ConfigureAwait(false);
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errorcode", out var code)
                && code.ValueKind == JsonValueKind.Number
                && code.TryGetInt64(out var value)
                ? value.ToString(CultureInfo.InvariantCulture)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or System.IO.IOException)
        {
            // Unreadable or cut short: the caller meets the same body and reports it itself.
            return null;
        }
    }
}
