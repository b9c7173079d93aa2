using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ContactsSdk.Testing.Analytics;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Bodies of the two analytics routes, shaped like their route documents' examples, ending with the
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

    /// <summary>
    /// The summary in the shape and spellings of the route document's example: property names in lower
    /// case, the read time as <c>statusofdateutc</c> (the example's name; its table writes
    /// statusasofdateutc, and the SDK's model reads both), <c>interval</c> as a string,
    /// <c>totaltimeseries</c> an array of one series, the range in UTC with a Z, the item times in UTC
    /// as the example writes them ("01-15-2018 00:00:00"), and a <c>statusid</c> on each status
    /// series that has one.
    /// </summary>
    public static void WriteSummary(Utf8JsonWriter writer, DateRange range, DeleteRequestsSummary summary, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteString("startdateutc", EchoWithDesignator(range.Start));
        writer.WriteString("enddateutc", EchoWithDesignator(range.End));
        writer.WriteString("statusofdateutc", clock.UtcNowWithDesignator());
        writer.WriteString("interval", summary.Interval.ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber("itemcount", summary.BucketStarts.Count);
        writer.WriteStartArray("totaltimeseries");
        WriteSeries(writer, summary.Total, summary.BucketStarts);
        writer.WriteEndArray();
        writer.WriteStartArray("statustimeseries");
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
            if (DeleteRequestStatuses.ToStatusId(status) is { } statusId)
            {
                writer.WriteNumber("statusid", statusId);
            }

            writer.WriteString("status", status);
        }

        writer.WriteNumber("requestcount", series.RequestCount);
        writer.WriteNumber("minvalue", series.MinValue);
        writer.WriteNumber("maxvalue", series.MaxValue);
        writer.WriteStartArray("items");
        for (var i = 0; i < bucketStarts.Count; i++)
        {
            writer.WriteStartObject();
            // Derived from the request's range, like the range itself: a clock-skew fault leaves it alone.
            writer.WriteString("time", WireTimestamps.SeriesTime(bucketStarts[i]));
            writer.WriteNumber("value", series.Values[i]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string EchoWithDesignator(DateTimeOffset instant) => Echo(instant) + "Z";

    // Derived from the request, not read from the clock: a clock-skew fault leaves it alone.
    private static string Echo(DateTimeOffset instant) => WireTimestamps.Local(instant, TimeSpan.Zero, LocalPrecision.Full);
}
