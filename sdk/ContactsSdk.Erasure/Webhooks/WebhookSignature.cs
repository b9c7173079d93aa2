using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// The webhook signature: <c>ContactsSdk-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where v1 is
/// the lowercase hex HMAC-SHA256, keyed with the endpoint's secret (UTF-8), of
/// <c>"&lt;t&gt;.&lt;body&gt;"</c> (the timestamp's digits, a dot, the request body's exact bytes). A receiver
/// checks it with <see cref="Verify(string, string?, ReadOnlySpan{byte}, DateTimeOffset, TimeSpan)"/>
/// before trusting the body, and drops a delivery whose <c>ContactsSdk-Delivery</c> ID it has seen.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string HeaderName = "ContactsSdk-Signature";

    /// <summary>The header naming the delivery: the same on every retry, the key to drop duplicates by.</summary>
    public const string DeliveryHeaderName = "ContactsSdk-Delivery";

    /// <summary>The header naming the event type (<see cref="WebhookEventTypes"/>).</summary>
    public const string EventHeaderName = "ContactsSdk-Event";

    /// <summary>The default age a receiver accepts a signature's timestamp within (either way): five minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The signature header's value for <paramref name="body"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Create(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var seconds = timestamp.ToUnixTimeSeconds();
        return $"t={seconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, seconds, body))}";
    }

    /// <summary>
    /// Whether <paramref name="header"/> is a valid signature of <paramref name="body"/> with
    /// <paramref name="secret"/>, made within <paramref name="tolerance"/> of <paramref name="now"/>. Any
    /// one of several <c>v1</c> values may match. False for a missing or malformed header, another
    /// secret, a changed body or a stale (or future) timestamp; never throws for what a sender put in the header.
    /// </summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (string.IsNullOrEmpty(header) || !TryReadTimestamp(header, out var seconds))
        {
            return false;
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance)
        {
            return false;
        }
        var expected = Mac(secret, seconds, body);
        foreach (var part in header.Split(','))
        {
            var pair = part.Trim();
            if (pair.StartsWith("v1=", StringComparison.Ordinal) && TryHex(pair[3..], out var given) &&
                CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>As <see cref="Verify(string, string?, ReadOnlySpan{byte}, DateTimeOffset, TimeSpan)"/> for a body read as UTF-8 text.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(secret, header, Encoding.UTF8.GetBytes(body), now, tolerance);
    }

    private static byte[] Mac(string secret, long seconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(seconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryReadTimestamp(string header, out long seconds)
    {
        foreach (var part in header.Split(','))
        {
            var pair = part.Trim();
            if (pair.StartsWith("t=", StringComparison.Ordinal))
            {
                return long.TryParse(pair[2..], NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();
            }
        }
        seconds = 0;
        return false;
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 64)
        {
            return false;
        }
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
