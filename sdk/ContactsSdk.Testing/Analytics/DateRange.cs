using System;

namespace ContactsSdk.Testing.Analytics;

/// <summary>The <c>[startdateutc, enddateutc)</c> range of an analytics request, in UTC.</summary>
internal readonly record struct DateRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
