using System;
using System.Text.Json;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Bodies of the restrict route and its status route. The keys, their order and their value kinds
/// follow the spec's examples for these routes; a refused restriction answers like a refused deletion.
/// </summary>
internal static class RestrictResponses
{
    public static void WriteInitiated(Utf8JsonWriter writer, EmulatedRestriction restriction, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("operationInitiated", true);
        writer.WriteNumber("operationID", restriction.OperationId);
        // The request's service message ID is the one the operation records as its requestID.
        ServiceResponseFields.Write(writer, restriction.RequestId, clock, hasErrors: false, []);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The status body, in the delete status route's envelope as the route's documentation shows it: an
    /// empty backgroundOperationsSummary, numberofRestorableDays -1, and the operation record.
    /// </summary>
    public static void WriteStatus(Utf8JsonWriter writer, EmulatedRestriction restriction, long accountId, WireClock clock)
    {
        var now = clock.UtcNow;
        var completed = restriction.IsCompletedAt(now);
        var scheduled = clock.Local(restriction.CreatedAt, LocalPrecision.Millisecond);
        var created = clock.Local(restriction.CreatedAt, LocalPrecision.Minute);
        // The completion is the one change a restriction record sees; until then its end is its start.
        var ended = completed ? clock.Local(restriction.CompletesAt, LocalPrecision.Millisecond) : scheduled;
        var modified = completed ? clock.Local(restriction.CompletesAt, LocalPrecision.Minute) : created;

        writer.WriteStartObject();
        writer.WriteStartArray("backgroundOperationsSummary");
        writer.WriteEndArray();
        writer.WriteNumber("numberofRestorableDays", -1);
        writer.WriteStartObject("operation");
        writer.WriteNumber("listTypeID", restriction.ListTypeId);
        writer.WriteString("listIdentifier", restriction.ListKey);
        writer.WriteString("listKey", restriction.ListKey);
        // The emulator holds no lists: a list is named by its key.
        writer.WriteString("listName", restriction.ListKey);
        writer.WriteNumber("expectedListCount", restriction.ExpectedListCount);
        writer.WriteNumber("actualListCount", completed ? restriction.ExpectedListCount : 0);
        writer.WriteString("deleteType", DeleteRequestDefaults.DeleteOperationType);
        writer.WriteBoolean("deleteListOnCompleted", restriction.Request.DeleteListWhenCompleted);
        writer.WriteBoolean("errorsOccurredInBatchProcess", false);
        writer.WriteBoolean("isRestrictedForProcessing", completed);
        writer.WriteNumber("operationID", restriction.OperationId);
        writer.WriteNumber("eID", accountId);
        writer.WriteNumber("mID", accountId);
        writer.WriteNumber("employeeID", StatusResponses.ApiUserId);
        writer.WriteString("operationRequestID", ServiceResponseFields.Format(restriction.RequestId));
        writer.WriteString("status", restriction.StatusAt(now));
        writer.WriteString("scheduledTime", scheduled);
        writer.WriteString("startTime", scheduled);
        writer.WriteString("endTime", ended);
        // Restrictions never fail in the emulator, so none is ever retried.
        writer.WriteNumber("retryCount", 0);
        writer.WriteString("createdDate", created);
        writer.WriteNumber("createdBy", StatusResponses.ApiUserId);
        writer.WriteString("modifiedDate", modified);
        writer.WriteNumber("modifiedBy", StatusResponses.ApiUserId);
        writer.WriteEndObject();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }
}
