using System;
using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Testing.Analytics;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Bodies of the two analytics routes, shaped exactly like the spec's examples, ending with the
/// service fields the route document lists (no <c>hasErrors</c>).
/// The range is echoed as asked (UTC without an offset); <c>statusAsOfDateUtc</c> is the reported
/// time with its Z; record times are UTC without an offset, <c>receivedDateUtc</c> to the minute and
/// <c>lastStatusDateUtc</c> to the millisecond, as the route document shows them.
/// </summary>
internal static class DeleteRequestsResponses
{
    public static void WritePage(Utf8JsonWriter writer, DeleteRequestsQuery query, IReadOnlyList<DeleteRequestRecord> page, WireClock clock)
    {
        writer.WriteStartObject();
        WriteRange(writer, query.Range, clock);
        writer.WriteNumber("pageNumber", query.Page);
        writer.WriteNumber("pageSize", query.PageSize);
        writer.WriteStartArray("operations");
        foreach (var record in page)
        {
            writer.WriteStartObject();
            writer.WriteNumber("operationId", record.OperationId);
            writer.WriteNumber("totalContactCount", record.TotalContactCount);
            writer.WriteNumber("completedContactCount", record.CompletedContactCount);
            writer.WriteString("receivedDateUtc", clock.Utc(record.ReceivedAt, LocalPrecision.Minute));
            writer.WriteString("status", record.Status);
            writer.WriteString("lastStatusDateUtc", clock.Utc(record.LastStatusAt, LocalPrecision.Millisecond));
            writer.WriteString("deleteMethod", record.DeleteMethod);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }

    public static void WriteSummary(Utf8JsonWriter writer, DateRange range, DeleteRequestsSummary summary, WireClock clock)
    {
        writer.WriteStartObject();
        WriteRange(writer, range, clock);
        writer.WriteNumber("interval", summary.Interval);
        writer.WriteNumber("itemCount", summary.BucketStarts.Count);
        writer.WritePropertyName("totalTimeSeries");
        WriteSeries(writer, summary.Total, summary.BucketStarts);
        writer.WriteStartArray("statusTimeSeries");
        foreach (var series in summary.ByStatus)
        {
            WriteSeries(writer, series, summary.BucketStarts);
        }

        writer.WriteEndArray();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter writer, DateRange range, WireClock clock)
    {
        writer.WriteString("startDateUtc", Echo(range.Start));
        writer.WriteString("endDateUtc", Echo(range.End));
        writer.WriteString("statusAsOfDateUtc", clock.UtcNowWithDesignator());
    }

    private static void WriteSeries(Utf8JsonWriter writer, RequestTimeSeries series, IReadOnlyList<DateTimeOffset> bucketStarts)
    {
        writer.WriteStartObject();
        if (series.Status is { } status)
        {
            writer.WriteString("status", status);
        }

        writer.WriteNumber("requestCount", series.RequestCount);
        writer.WriteNumber("minValue", series.MinValue);
        writer.WriteNumber("maxValue", series.MaxValue);
        writer.WriteStartArray("items");
        for (var i = 0; i < bucketStarts.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("time", Echo(bucketStarts[i]));
            writer.WriteNumber("value", series.Values[i]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // Derived from the request, not read from the clock: a clock-skew fault leaves it alone.
    private static string Echo(DateTimeOffset instant) => WireTimestamps.Local(instant, TimeSpan.Zero, LocalPrecision.Full);
}
