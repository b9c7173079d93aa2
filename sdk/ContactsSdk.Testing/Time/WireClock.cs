using System;
using ContactsSdk.Testing.Json;

namespace ContactsSdk.Testing.Time;

/// <summary>
/// The clock as one response reports it: the instant is read once, so every time written into the
/// response agrees, and any injected skew is applied to what is written, never to the lifecycle.
/// </summary>
/// <param name="UtcNow">The emulator's true time when the response is produced.</param>
/// <param name="ServerOffset">The UTC offset of the server's wall clock.</param>
/// <param name="Skew">How far the reported times are off (zero unless a clock-skew fault is active).</param>
internal readonly record struct WireClock(DateTimeOffset UtcNow, TimeSpan ServerOffset, TimeSpan Skew)
{
    /// <summary>The time the server believes it is.</summary>
    public DateTimeOffset ReportedNow => UtcNow + Skew;

    /// <summary><c>responseDateTime</c>: the reported time in server wall time, with its offset.</summary>
    public string ResponseDateTime() => WireTimestamps.WithOffset(ReportedNow, ServerOffset);

    /// <summary>An operation timestamp: server wall time without an offset, at the column's precision.</summary>
    public string Local(DateTimeOffset instant, LocalPrecision precision) =>
        WireTimestamps.Local(instant + Skew, ServerOffset, precision);

    /// <summary>A record timestamp of the analytics routes: UTC without an offset, at the column's precision.</summary>
    public string Utc(DateTimeOffset instant, LocalPrecision precision) =>
        WireTimestamps.Local(instant + Skew, TimeSpan.Zero, precision);

    /// <summary><c>statusAsOfDateUtc</c>: the reported time in UTC with its Z designator.</summary>
    public string UtcNowWithDesignator() => WireTimestamps.UtcWithDesignator(ReportedNow);
}
