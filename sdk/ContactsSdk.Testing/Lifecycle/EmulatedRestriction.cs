using System;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// A restriction of processing the emulator holds. It has one phase: <c>operation.status</c> is
/// Pending for <see cref="EmulatorOptions.PendingDuration"/>, then Completed. Like a deletion, its
/// state is a pure function of the emulator clock. Restrictions never fail in the emulator.
/// </summary>
public sealed class EmulatedRestriction
{
    internal EmulatedRestriction(long operationId, EmulatedRestrictRequest request, Guid requestId, DateTimeOffset createdAt, TimeSpan pending)
    {
        OperationId = operationId;
        Request = request;
        RequestId = requestId;
        CreatedAt = createdAt;
        CompletesAt = createdAt + pending;
        var list = RecordedList.For(request.Type, request.ListTypeId, request.ListKey, request.Keys.Count, request.Ids.Count, requestId);
        ListTypeId = list.ListTypeId;
        ListKey = list.ListKey;
        ExpectedListCount = list.ExpectedListCount;
    }

    /// <summary>The <c>operationID</c> returned by the restrict route.</summary>
    public long OperationId { get; }

    /// <summary>The request that created the restriction.</summary>
    public EmulatedRestrictRequest Request { get; }

    /// <summary>The operation's <c>operationRequestID</c>, also the restrict response's <c>requestServiceMessageID</c>.</summary>
    public Guid RequestId { get; }

    /// <summary>When the restriction was created, on the emulator clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When <c>operation.status</c> turns from Pending to Completed.</summary>
    public DateTimeOffset CompletesAt { get; }

    /// <summary>The <c>listTypeID</c> reported for the restriction.</summary>
    public int ListTypeId { get; }

    /// <summary>The <c>listKey</c> reported for the restriction (also its <c>listIdentifier</c> and <c>listName</c>).</summary>
    public string ListKey { get; }

    /// <summary>The <c>expectedListCount</c> reported for the restriction.</summary>
    public int ExpectedListCount { get; }

    /// <summary>Whether processing is restricted at <paramref name="now"/> (<c>operation.status</c> Completed).</summary>
    public bool IsCompletedAt(DateTimeOffset now) => now >= CompletesAt;

    /// <summary>The <c>operation.status</c> value at <paramref name="now"/>.</summary>
    internal string StatusAt(DateTimeOffset now) => IsCompletedAt(now) ? WireStatus.Completed : WireStatus.Pending;
}
