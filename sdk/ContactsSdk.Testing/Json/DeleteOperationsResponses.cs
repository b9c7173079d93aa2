using System;
using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Testing.Analytics;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Body of the delete operations list: <c>count</c>, <c>page</c>, <c>pageSize</c> and <c>items</c>,
/// then the service fields. Item names are spelled as the route document writes them
/// (<c>OperationRequestID</c> capitalised, <c>eid</c>/<c>mid</c> in lower case); times are server wall
/// time without an offset, like the status route's, and a time not reached yet is left out.
/// </summary>
internal static class DeleteOperationsResponses
{
    public static void WritePage(
        Utf8JsonWriter writer, int count, int page, int pageSize, IReadOnlyList<DeleteOperationRecord> records, long accountId, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", count);
        writer.WriteNumber("page", page);
        writer.WriteNumber("pageSize", pageSize);
        writer.WriteStartArray("items");
        foreach (var record in records)
        {
            WriteItem(writer, record, accountId, clock);
        }

        writer.WriteEndArray();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, DeleteOperationRecord record, long accountId, WireClock clock)
    {
        var operation = record.Operation;
        var now = clock.UtcNow;
        writer.WriteStartObject();
        writer.WriteNumber("operationID", operation.OperationId);
        writer.WriteNumber("eid", accountId);
        writer.WriteNumber("mid", accountId);
        writer.WriteNumber("employeeID", StatusResponses.ApiUserId);
        writer.WriteString("OperationRequestID", ServiceResponseFields.Format(operation.RequestId));
        writer.WriteString("status", record.Status);
        writer.WriteString("scheduledTime", clock.Local(operation.CreatedAt, LocalPrecision.Millisecond));
        if (record.HasStarted(now))
        {
            writer.WriteString("startTime", clock.Local(record.ProcessingStartsAt, LocalPrecision.Millisecond));
        }

        if (record.HasEnded(now))
        {
            writer.WriteString("endTime", clock.Local(record.ProcessingEndsAt, LocalPrecision.Millisecond));
        }

        writer.WriteNumber("listTypeID", operation.ListTypeId);
        writer.WriteString("listIdentifier", operation.ListIdentifier);
        writer.WriteString("listKey", operation.ListKey);
        writer.WriteString("listName", operation.ListKey);
        writer.WriteNumber("expectedListCount", operation.ExpectedListCount);
        writer.WriteNumber("actualListCount", record.HasEnded(now) ? operation.ExpectedListCount : 0);
        writer.WriteNumber("successCount", record.SuccessCount);
        writer.WriteNumber("errorCount", record.ErrorCount);
        writer.WriteString("deleteType", operation.Request.DeleteOperationType);
        writer.WriteString("operationName", OperationName(operation.Request.Type));
        if (record.HasEnded(now))
        {
            writer.WriteString("restorableUntilDate", clock.Local(record.RestorableUntil, LocalPrecision.Millisecond));
        }

        writer.WriteEndObject();
    }

    // The emulator's own labels: the route document describes operationName without showing a value.
    private static string OperationName(DeleteRequestType type) => type switch
    {
        DeleteRequestType.Keys => "Contact Delete by Key",
        DeleteRequestType.Ids => "Contact Delete by ID",
        _ => "Contact Delete by List",
    };
}
