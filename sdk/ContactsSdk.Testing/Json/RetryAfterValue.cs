using System;
using System.Globalization;

namespace ContactsSdk.Testing.Json;

/// <summary>The two forms of a Retry-After header value (RFC 9110 section 10.2.3).</summary>
internal static class RetryAfterValue
{
    /// <summary>Whole seconds, rounded up so a client that obeys never comes back early; at least 1.</summary>
    public static string Seconds(TimeSpan delay) => WholeSeconds(delay).ToString(CultureInfo.InvariantCulture);

    /// <summary>The delay in whole seconds, rounded up; at least 1.</summary>
    public static long WholeSeconds(TimeSpan delay) => Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds));

    /// <summary>An HTTP date; it has whole seconds only, so the instant is rounded up to the next one.</summary>
    public static string HttpDate(DateTimeOffset retryAt)
    {
        var remainder = retryAt.UtcTicks % TimeSpan.TicksPerSecond;
        var rounded = remainder == 0 ? retryAt : retryAt.AddTicks(TimeSpan.TicksPerSecond - remainder);
        return rounded.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
    }
}
