using System;
using System.Globalization;

namespace ContactsSdk.Http;

/// <summary>Reads a <c>Retry-After</c> value (RFC 9110 section 10.2.3): whole seconds or an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// The wait <paramref name="retryAfter"/> asks for, never negative; null when it says nothing usable.
    /// </summary>
    /// <remarks>
    /// An HTTP date is written on the server's clock, so it is measured from the response's own
    /// <c>Date</c> header when there is one: a client clock that is off by an hour would otherwise
    /// wait an hour too long, or not at all.
    /// </remarks>
    public static TimeSpan? Parse(string? retryAfter, string? serverDate, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }
        TimeSpan wait;
        if (long.TryParse(retryAfter.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // Capped far beyond any sensible wait, so a huge number cannot overflow TimeSpan.
            wait = TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue));
        }
        else if (TryParseHttpDate(retryAfter, out var date))
        {
            wait = date - (TryParseHttpDate(serverDate, out var serverNow) ? serverNow : now);
        }
        else
        {
            return null;
        }
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static bool TryParseHttpDate(string? value, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
}
