using System;
using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Bodies of the status route. The keys, their order and their value kinds follow the route
/// document's GetStatusRoute examples exactly; the delete phase adds backgroundOperationsSummary.
/// </summary>
internal static class StatusResponses
{
    // The operations are created by the API user, which Marketing Cloud reports as a negative system user ID.
    internal const long ApiUserId = -1000;

    // Further entries of a summary get IDs well apart from the operations' own.
    private const long BackgroundOperationIdStride = 1_000_000;

    public static void WriteStatus(
        Utf8JsonWriter writer,
        EmulatedOperation operation,
        long accountId,
        WireClock clock)
    {
        // The state and the run it belongs to are read for one instant, so a retry racing this
        // request cannot mix two runs in one response.
        var attempt = operation.AttemptAt(clock.UtcNow);
        var state = operation.StateAt(attempt, clock.UtcNow);
        writer.WriteStartObject();
        writer.WriteStartArray("operationMappings");
        writer.WriteEndArray();
        if (state.IsInDeletePhase)
        {
            WriteBackgroundSummary(writer, operation, attempt, operation.BackgroundStatusesAt(attempt, clock.UtcNow), clock);
        }

        // The operation's own period: configSettings changes only operations created after it.
        writer.WriteNumber("numberofRestorableDays", operation.NumberOfRestorableDays);
        writer.WritePropertyName("operation");
        WriteOperation(writer, operation, attempt, state, accountId, clock);
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }

    public static void WriteUnknownOperation(Utf8JsonWriter writer, long operationId, WireClock clock)
    {
        writer.WriteStartObject();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: true, [ServiceErrors.OperationNotFound(operationId)]);
        writer.WriteEndObject();
    }

    private static void WriteBackgroundSummary(
        Utf8JsonWriter writer, EmulatedOperation operation, DeleteAttempt attempt, IReadOnlyList<string> statuses, WireClock clock)
    {
        writer.WriteStartArray("backgroundOperationsSummary");
        for (var i = 0; i < statuses.Count; i++)
        {
            writer.WriteStartObject();
            // The first entry keeps the operation's ID, as in the route document's examples.
            writer.WriteNumber("backgroundOperationID", operation.BackgroundOperationId + (i * BackgroundOperationIdStride));
            writer.WriteString("createdDate", clock.Local(attempt.DeletePhaseStartsAt, LocalPrecision.Full));
            // A string, despite its name.
            writer.WriteString("backgroundOperationStatusID", statuses[i]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOperation(
        Utf8JsonWriter writer, EmulatedOperation operation, DeleteAttempt attempt, OperationState state, long accountId, WireClock clock)
    {
        var scheduled = clock.Local(operation.CreatedAt, LocalPrecision.Millisecond);
        var created = clock.Local(operation.CreatedAt, LocalPrecision.Minute);
        // A retry is the last change the emulator makes to an operation record.
        var modified = clock.Local(attempt.Since, LocalPrecision.Minute);

        writer.WriteStartObject();
        writer.WriteNumber("contextType", 0);
        writer.WriteBoolean("isRestrictedForProcessing", false);
        writer.WriteNumber("listTypeID", operation.ListTypeId);
        writer.WriteString("listIdentifier", operation.ListIdentifier);
        writer.WriteString("listKey", operation.ListKey);
        writer.WriteNumber("expectedListCount", operation.ExpectedListCount);
        writer.WriteString("deleteType", operation.Request.DeleteOperationType);
        writer.WriteBoolean("deleteListOnCompleted", operation.Request.DeleteListWhenCompleted);
        writer.WriteBoolean("errorsOccurredInBatchProcess", false);
        writer.WriteString("lastProcessedMilestone", WireStatus.Completed);
        writer.WriteNumber("operationID", operation.OperationId);
        writer.WriteNumber("eID", accountId);
        writer.WriteNumber("mID", accountId);
        writer.WriteNumber("employeeID", ApiUserId);
        writer.WriteString("requestID", ServiceResponseFields.Format(operation.RequestId));
        writer.WriteString("status", state.OperationStatus);
        writer.WriteString("scheduledDate", scheduled);
        writer.WriteString("startDate", scheduled);
        writer.WriteString("endDate", scheduled);
        writer.WriteNumber("retryCount", attempt.RetryCount);
        writer.WriteString("createdDate", created);
        writer.WriteNumber("createdBy", ApiUserId);
        writer.WriteString("modifiedDate", modified);
        writer.WriteNumber("modifiedBy", ApiUserId);
        writer.WriteEndObject();
    }
}
