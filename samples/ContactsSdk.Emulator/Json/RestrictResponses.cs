using System;
using System.Text.Json;
using ContactsSdk.Emulator.Lifecycle;
using ContactsSdk.Emulator.Time;

namespace ContactsSdk.Emulator.Json;

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

    public static void WriteRejected(Utf8JsonWriter writer, ResultMessage error, WireClock clock) =>
        DeleteResponses.WriteRejected(writer, error, clock);

    public static void WriteStatus(Utf8JsonWriter writer, EmulatedRestriction restriction, WireClock clock)
    {
        var now = clock.UtcNow;
        var created = clock.Local(restriction.CreatedAt, LocalPrecision.Minute);
        // The completion is the one change a restriction record sees.
        var modified = restriction.IsCompletedAt(now) ? clock.Local(restriction.CompletesAt, LocalPrecision.Minute) : created;

        writer.WriteStartObject();
        writer.WriteStartObject("operation");
        writer.WriteNumber("operationID", restriction.OperationId);
        writer.WriteString("listKey", restriction.ListKey);
        writer.WriteNumber("expectedListCount", restriction.ExpectedListCount);
        writer.WriteString("requestID", ServiceResponseFields.Format(restriction.RequestId));
        writer.WriteString("status", restriction.StatusAt(now));
        // Restrictions never fail in the emulator, so none is ever retried.
        writer.WriteNumber("retryCount", 0);
        writer.WriteString("createdDate", created);
        writer.WriteString("modifiedDate", modified);
        writer.WriteEndObject();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }
}
