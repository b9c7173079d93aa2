using System;
using System.Globalization;

namespace ContactsSdk.Emulator.Lifecycle;

/// <summary>
/// A deletion the emulator holds. Its state is a pure function of the emulator clock: nothing runs
/// in the background, so advancing a fake clock moves every operation forward at once.
/// </summary>
public sealed class EmulatedOperation
{
    // The list a keys/ids request builds from its values; the route document's GetStatusRoute example shows type 1.
    private const int ValuesListTypeId = 1;

    internal EmulatedOperation(
        long operationId,
        EmulatedDeleteRequest request,
        Guid requestId,
        DateTimeOffset createdAt,
        DeleteOutcome outcome,
        LifecycleTimings timings)
    {
        OperationId = operationId;
        Request = request;
        RequestId = requestId;
        CreatedAt = createdAt;
        Outcome = outcome;
        SuppressionCompletesAt = createdAt + timings.Pending;
        DeletePhaseStartsAt = SuppressionCompletesAt + timings.Restorable;
        DeletePhaseEndsAt = DeletePhaseStartsAt + timings.DeletePhase;

        if (request.Type == DeleteRequestType.ListReference)
        {
            ListTypeId = request.ListTypeId ?? DeleteRequestDefaults.ListTypeId;
            ListKey = request.ListKey ?? string.Empty;
            ListIdentifier = ListKey;
            // The emulator holds no lists, so it cannot count the contacts of one.
            ExpectedListCount = 0;
        }
        else
        {
            ListTypeId = ValuesListTypeId;
            ListKey = requestId.ToString("D", CultureInfo.InvariantCulture);
            ListIdentifier = ListKey;
            ExpectedListCount = request.Type == DeleteRequestType.Keys ? request.Keys.Count : request.Ids.Count;
        }
    }

    /// <summary>The <c>operationID</c> returned by the delete route.</summary>
    public long OperationId { get; }

    /// <summary>The request that created the operation.</summary>
    public EmulatedDeleteRequest Request { get; }

    /// <summary>The operation's <c>requestID</c>, also the delete response's <c>requestServiceMessageID</c>.</summary>
    public Guid RequestId { get; }

    /// <summary>When the operation was created, on the emulator clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>How the delete phase will end.</summary>
    public DeleteOutcome Outcome { get; }

    /// <summary>When <c>operation.status</c> turns from Pending to Completed.</summary>
    public DateTimeOffset SuppressionCompletesAt { get; }

    /// <summary>When the restorable period ends and the delete phase starts.</summary>
    public DateTimeOffset DeletePhaseStartsAt { get; }

    /// <summary>When the delete phase reaches <see cref="Outcome"/>.</summary>
    public DateTimeOffset DeletePhaseEndsAt { get; }

    /// <summary>The <c>backgroundOperationID</c> of the delete phase.</summary>
    public long BackgroundOperationId => OperationId;

    /// <summary>The <c>listTypeID</c> reported for the operation.</summary>
    public int ListTypeId { get; }

    /// <summary>The <c>listKey</c> reported for the operation.</summary>
    public string ListKey { get; }

    /// <summary>The <c>listIdentifier</c> reported for the operation.</summary>
    public string ListIdentifier { get; }

    /// <summary>The <c>expectedListCount</c> reported for the operation.</summary>
    public int ExpectedListCount { get; }

    /// <summary>The operation's state at <paramref name="now"/>.</summary>
    public OperationState StateAt(DateTimeOffset now)
    {
        if (now < SuppressionCompletesAt)
        {
            return new OperationState(OperationPhase.SuppressionPending, WireStatus.Pending, null);
        }

        if (now < DeletePhaseStartsAt)
        {
            return new OperationState(OperationPhase.SuppressionCompleted, WireStatus.Completed, null);
        }

        return now < DeletePhaseEndsAt
            ? new OperationState(OperationPhase.DeleteProcessing, WireStatus.Completed, WireStatus.Processing)
            : new OperationState(OperationPhase.DeleteFinished, WireStatus.Completed, WireStatus.Of(Outcome));
    }
}
