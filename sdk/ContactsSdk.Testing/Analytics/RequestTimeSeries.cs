using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Testing.Analytics;

/// <summary>Request counts per interval of a summary; <see cref="Status"/> is null for the total series.</summary>
internal sealed record RequestTimeSeries(string? Status, IReadOnlyList<long> Values)
{
    public long RequestCount => Values.Sum();

    /// <summary>The smallest count of one interval, empty intervals included.</summary>
    public long MinValue => Values.Count == 0 ? 0 : Values.Min();

    public long MaxValue => Values.Count == 0 ? 0 : Values.Max();
}
