using System;
using System.Globalization;

namespace ContactsSdk.Erasure.Tests.Performance;

/// <summary>How erasures arrive in a queue measurement, and how they are sent.</summary>
/// <param name="Name">What the table calls it.</param>
/// <param name="Erasures">How many erasures arrive (one contact key each).</param>
/// <param name="ArrivalPeriod">They arrive evenly over this period; zero for all at once.</param>
internal sealed record QueueScenario(string Name, int Erasures, TimeSpan ArrivalPeriod)
{
    public static QueueScenario EvenlyOver30Days(int erasures) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{erasures:N0} over 30 days"), erasures, TimeSpan.FromDays(30));

    public static QueueScenario AllAtOnce(int erasures) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{erasures:N0} at once"), erasures, TimeSpan.Zero);

    /// <summary>When erasure <paramref name="index"/> arrives, from the start.</summary>
    public TimeSpan ArrivalOf(int index) => ArrivalPeriod * index / Erasures;
}

/// <summary>How delete requests are made in a queue measurement.</summary>
internal enum SendingMode
{
    /// <summary>The default options: erasures ride shared requests, the next one when the previous left the queue.</summary>
    Coalesced,

    /// <summary>
    /// One request per erasure (a request carries one erasure's contact), kept two deep in Marketing
    /// Cloud's queue so the queue never idles: the processing order and times of sending them all at
    /// once, without thousands of waiting calls each read for hours.
    /// </summary>
    OnePerErasure,
}
