using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>
/// One delete operation as the delete operations list reports it: where the delete call stands in
/// Marketing Cloud's queue, how it ended, how many contacts it processed and until when they can be
/// restored. Its <see cref="Status"/> is the delete call's, not the deletion's verdict: the status
/// route (<see cref="ContactsClient.GetDeletionStatusAsync"/>) says when the contacts are deleted.
/// </summary>
/// <remarks>
/// Times are the service's wall time without an offset, kept as received: parse them as a
/// <see cref="System.DateTime"/> of kind Unspecified, never in the machine's own time zone.
/// </remarks>
public sealed class ListedDeleteOperation
{
    /// <summary>The operation ID the delete call returned.</summary>
    public long OperationId { get; init; }

    /// <summary>The ID of the request that created the operation (<c>OperationRequestID</c>, or <c>requestID</c>), when listed.</summary>
    public string? RequestId { get; init; }

    /// <summary>The <c>status</c> as received, unchanged (null when the item had none).</summary>
    public string? RawStatus { get; init; }

    /// <summary>The status as the spec's annotation reads it; an unlisted or missing value reads as Pending.</summary>
    public ContactDeleteOperationStatus Status { get; init; }

    /// <summary>False when <see cref="RawStatus"/> is a value the documentation does not list (or is missing), so <see cref="Status"/> is the fallback.</summary>
    public bool IsStatusDocumented { get; init; }

    /// <summary><c>scheduledTime</c> (or <c>scheduledDate</c>): when the call was scheduled.</summary>
    public string? ScheduledTime { get; init; }

    /// <summary><c>startTime</c> (or <c>startDate</c>): when its processing started; null while it waits.</summary>
    public string? StartTime { get; init; }

    /// <summary><c>endTime</c> (or <c>endDate</c>): when its processing ended; null until then.</summary>
    public string? EndTime { get; init; }

    /// <summary><c>successCount</c>: contacts the operation processed successfully.</summary>
    public long? SuccessCount { get; init; }

    /// <summary><c>errorCount</c>: contacts that errored out.</summary>
    public long? ErrorCount { get; init; }

    /// <summary><c>restorableUntilDate</c>: until when the suppressed contacts can be restored.</summary>
    public string? RestorableUntilDate { get; init; }

    /// <summary>The item as read into a typed result; null for an item without an operation ID, which nothing could follow.</summary>
    internal static ListedDeleteOperation? From(ContactDeleteOperation item)
    {
        if (item.OperationID is not { } operationId)
        {
            return null;
        }
        var documented = ContactDeleteOperationStatusExtensions.TryFromWireValue(item.Status, out var status);
        return new ListedDeleteOperation
        {
            OperationId = operationId,
            RequestId = item.OperationRequestID ?? item.RequestID,
            RawStatus = item.Status,
            Status = status,
            IsStatusDocumented = documented,
            ScheduledTime = item.ScheduledTime ?? item.ScheduledDate,
            StartTime = item.StartTime ?? item.StartDate,
            EndTime = item.EndTime ?? item.EndDate,
            SuccessCount = item.SuccessCount,
            ErrorCount = item.ErrorCount,
            RestorableUntilDate = item.RestorableUntilDate,
        };
    }
}
