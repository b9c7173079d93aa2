using System;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Time;

/// <summary>
/// The clock skew of one request: how far the times in its response are off. Set by the clock-skew
/// fault, read by everything that writes a time into the response.
/// </summary>
internal static class RequestClockSkew
{
    private static readonly object ItemKey = new();

    public static TimeSpan Get(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is TimeSpan skew ? skew : TimeSpan.Zero;

    public static void Add(HttpContext context, TimeSpan skew) => context.Items[ItemKey] = Get(context) + skew;
}
