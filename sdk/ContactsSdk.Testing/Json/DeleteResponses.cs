using System;
using System.Text.Json;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>Bodies of the delete route: an initiated operation, or a service error (both with HTTP 200).</summary>
internal static class DeleteResponses
{
    public static void WriteInitiated(Utf8JsonWriter writer, EmulatedOperation operation, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("operationInitiated", true);
        writer.WriteNumber("operationID", operation.OperationId);
        // The request's service message ID is the one the operation records as its requestID.
        ServiceResponseFields.Write(writer, operation.RequestId, clock, hasErrors: false, []);
        writer.WriteEndObject();
    }

    public static void WriteRejected(Utf8JsonWriter writer, ResultMessage error, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("operationInitiated", false);
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: true, [error]);
        writer.WriteEndObject();
    }
}
