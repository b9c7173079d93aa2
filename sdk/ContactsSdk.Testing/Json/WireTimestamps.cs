using System;
using System.Globalization;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Writes timestamps the way Marketing Cloud does: operation times as server wall time with no
/// offset at all, <c>responseDateTime</c> with one. Fractions drop their trailing zeros (and the
/// dot when nothing is left), as the route document's examples show.
/// </summary>
internal static class WireTimestamps
{
    private const string LocalFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF";
    private const string OffsetFormat = LocalFormat + "zzz";

    public static string Local(DateTimeOffset instant, TimeSpan serverOffset, LocalPrecision precision)
    {
        // DateTimeOffset.DateTime is the wall time at that offset, of kind Unspecified: no local zone involved.
        var wallTime = instant.ToOffset(serverOffset).DateTime;
        var rounded = precision switch
        {
            LocalPrecision.Minute => RoundToMinute(wallTime),
            LocalPrecision.Millisecond => Truncate(wallTime, TimeSpan.TicksPerMillisecond),
            _ => wallTime,
        };
        return rounded.ToString(LocalFormat, CultureInfo.InvariantCulture);
    }

    public static string WithOffset(DateTimeOffset instant, TimeSpan serverOffset) =>
        instant.ToOffset(serverOffset).ToString(OffsetFormat, CultureInfo.InvariantCulture);

    /// <summary>UTC with its Z designator, like the analytics routes' <c>statusAsOfDateUtc</c> "2019-03-19T19:33:17.496471Z".</summary>
    public static string UtcWithDesignator(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(LocalFormat + "'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A time series item's <c>time</c> as the summary route document's example writes it: UTC, month
    /// first, to the second, no designator ("01-15-2018 00:00:00"). A fraction of a second is dropped.
    /// </summary>
    public static string SeriesTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("MM'-'dd'-'yyyy' 'HH':'mm':'ss", CultureInfo.InvariantCulture);

    /// <summary>Rounds an instant to the nearest minute, as Marketing Cloud's minute-precision columns store it.</summary>
    public static DateTimeOffset RoundToMinute(DateTimeOffset instant) =>
        new(RoundToMinute(instant.UtcDateTime), TimeSpan.Zero);

    private static DateTime RoundToMinute(DateTime value) =>
        Truncate(value.AddTicks(TimeSpan.TicksPerMinute / 2), TimeSpan.TicksPerMinute);

    private static DateTime Truncate(DateTime value, long unitTicks) =>
        new(value.Ticks - (value.Ticks % unitTicks), value.Kind);
}
