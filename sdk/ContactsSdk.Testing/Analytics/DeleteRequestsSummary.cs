using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Testing.Analytics;

/// <summary>
/// The summary route's time series: the range cut into hourly buckets when it spans at most two
/// days, daily buckets otherwise, each starting at <c>startdateutc</c> plus a whole number of
/// intervals (the last one ends early when the range is not a whole number of them).
/// </summary>
/// <param name="Interval">0 for hourly buckets, 1 for daily ones, as the route reports it.</param>
/// <param name="BucketStarts">The start of each bucket (the items' <c>time</c>).</param>
/// <param name="Total">Requests per bucket, whatever their status.</param>
/// <param name="ByStatus">Requests per bucket for each status present in the range, in <see cref="DeleteRequestStatuses.ReportOrder"/>.</param>
internal sealed record DeleteRequestsSummary(
    int Interval,
    IReadOnlyList<DateTimeOffset> BucketStarts,
    RequestTimeSeries Total,
    IReadOnlyList<RequestTimeSeries> ByStatus)
{
    public const int HourlyInterval = 0;
    public const int DailyInterval = 1;

    /// <summary>The longest range summarized hour by hour.</summary>
    public static readonly TimeSpan LongestHourlyRange = TimeSpan.FromDays(2);

    /// <param name="range">The requested range.</param>
    /// <param name="records">The deletions received in the range.</param>
    public static DeleteRequestsSummary Build(DateRange range, IReadOnlyList<DeleteRequestRecord> records)
    {
        var hourly = range.Length <= LongestHourlyRange;
        var step = hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var count = (int)((range.Length.Ticks + step.Ticks - 1) / step.Ticks);
        var starts = Enumerable.Range(0, count).Select(i => range.Start + (step * i)).ToArray();

        long[] CountPerBucket(IEnumerable<DeleteRequestRecord> selected)
        {
            var values = new long[count];
            foreach (var record in selected)
            {
                values[(record.ReceivedAt - range.Start).Ticks / step.Ticks]++;
            }

            return values;
        }

        var byStatus = DeleteRequestStatuses.ReportOrder
            .Where(status => records.Any(record => record.Status == status))
            .Select(status => new RequestTimeSeries(status, CountPerBucket(records.Where(record => record.Status == status))))
            .ToArray();
        return new DeleteRequestsSummary(
            hourly ? HourlyInterval : DailyInterval, starts, new RequestTimeSeries(null, CountPerBucket(records)), byStatus);
    }
}
