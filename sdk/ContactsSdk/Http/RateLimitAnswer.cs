using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Http;

/// <summary>What a 429 said: the gateway's error code and how long it asked to wait.</summary>
internal readonly record struct RateLimitAnswer(int? ErrorCode, TimeSpan? RetryAfter)
{
    /// <summary>
    /// Whether the answer asks the whole worker to stop for a while: error code 50200, or a 429
    /// that does not say when to come back (waiting blindly per caller would just hammer the gateway).
    /// </summary>
    public bool BlocksEveryRequest => ErrorCode == ContactsRateLimitException.TemporarilyBlockedErrorCode || RetryAfter is null;

    /// <summary>Reads a 429: <c>Retry-After</c> first, then the body's <c>retryAfter</c> seconds, and its <c>errorcode</c>.</summary>
    public static async Task<RateLimitAnswer> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var headerWait = RetryAfterHeader.Parse(
            response.Headers.TryGetValues("Retry-After", out var retryAfter) ? retryAfter.FirstOrDefault() : null,
            response.Headers.TryGetValues("Date", out var date) ? date.FirstOrDefault() : null,
            now);
        var (errorCode, bodyWait) = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return new RateLimitAnswer(errorCode, headerWait ?? bodyWait);
    }

    private static async Task<(int? ErrorCode, TimeSpan? RetryAfter)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }
            int? errorCode = null;
            TimeSpan? retryAfter = null;
            // The gateway's spelling varies between documents (errorcode, errorCode): names are read without regard to case.
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "errorcode", StringComparison.OrdinalIgnoreCase))
                {
                    errorCode = ReadInt(property.Value);
                }
                else if (string.Equals(property.Name, "retryAfter", StringComparison.OrdinalIgnoreCase) && ReadInt(property.Value) is >= 0 and var seconds)
                {
                    retryAfter = TimeSpan.FromSeconds(seconds);
                }
            }
            return (errorCode, retryAfter);
        }
        catch (JsonException)
        {
            // Not the documented body: the status code alone still says "rate limited".
            return (null, null);
        }
    }

    private static int? ReadInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
