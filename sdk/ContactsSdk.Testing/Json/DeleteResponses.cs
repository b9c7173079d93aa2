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
        if (operation.Request.Type == DeleteRequestType.ListReference)
        {
            WriteTargetListInformation(writer, operation);
        }

        writer.WriteBoolean("operationInitiated", true);
        writer.WriteNumber("operationID", operation.OperationId);
        // The request's service message ID is the one the operation records as its requestID.
        ServiceResponseFields.Write(writer, operation.RequestId, clock, hasErrors: false, []);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The list a list-reference delete read, as the type=listReference route document's example
    /// describes it. The emulator holds no lists: it names the one it was given, a data extension
    /// whose list and contents may both be deleted.
    /// </summary>
    private static void WriteTargetListInformation(Utf8JsonWriter writer, EmulatedOperation operation)
    {
        writer.WriteStartObject("targetListInformation");
        writer.WriteStartObject("listName");
        writer.WriteString("value", operation.ListKey);
        writer.WriteEndObject();
        writer.WriteString("listItemType", "ContactReference");
        writer.WriteStartObject("operationSupport");
        writer.WriteBoolean("canDeleteList", true);
        writer.WriteBoolean("canDeleteListContents", true);
        writer.WriteEndObject();
        writer.WriteStartObject("listType");
        writer.WriteNumber("listTypeID", operation.ListTypeId);
        writer.WriteString("listTypeKey", "DataExtension");
        writer.WriteEndObject();
        writer.WriteString("listIdentifier", operation.ListIdentifier);
        writer.WriteString("listKey", operation.ListKey);
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
