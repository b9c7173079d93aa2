using System;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// One delete request shared by several erasures (a batch): erasures ready to send for the same MID
/// and subject kind ride one request, because Marketing Cloud processes one delete call at a time and
/// handles a large request better than several small ones. Each member keeps its own hash chain; the
/// batch row only coordinates the request.
/// </summary>
public sealed record BatchRecord
{
    /// <summary>The batch's ID (also its scheduler job key).</summary>
    public required Guid BatchId { get; init; }

    /// <summary>The MID the request is sent under, when known.</summary>
    public AccountId? AccountId { get; init; }

    /// <summary>Contact keys or contact IDs: the two cannot share a request.</summary>
    public required SubjectKind SubjectKind { get; init; }

    /// <summary>Where the request stands.</summary>
    public required BatchState State { get; init; }

    /// <summary>How many erasures ride the request.</summary>
    public required int ErasureCount { get; init; }

    /// <summary>How many contacts the request carries.</summary>
    public required int ContactCount { get; init; }

    /// <summary>The Marketing Cloud operation, once accepted.</summary>
    public long? OperationId { get; init; }

    /// <summary>
    /// The member whose steps drive the request (send, reconcile, watch the queue). One driver, whose
    /// scheduler job never runs twice at once, is what tells a crashed send from one still running.
    /// </summary>
    public required Guid LeadErasureId { get; init; }

    /// <summary>The batch this one was split from after a refusal, if any.</summary>
    public Guid? ParentBatchId { get; init; }

    /// <summary>When the batch was formed (UTC, millisecond precision).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its state last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Incremented by every change (optimistic concurrency, like an erasure's version).</summary>
    public required long Version { get; init; }
}

/// <summary>Where a batch's delete request stands. Stored by name: never renumber or rename.</summary>
public enum BatchState
{
    /// <summary>The members recorded their intent to send; the request has not gone out.</summary>
    Formed,

    /// <summary>The request is being sent, or was by a run that did not finish.</summary>
    Posting,

    /// <summary>The request's outcome is unknown: the analytics route is checked before anything is resent.</summary>
    Reconciling,

    /// <summary>Accepted: the call waits or runs in Marketing Cloud's one-at-a-time delete queue.</summary>
    InQueue,

    /// <summary>The call's processing ended (suppression started): the next request may go out.</summary>
    LeftQueue,

    /// <summary>No deletion came of it (not processed, not received, refused): the members moved on.</summary>
    Dissolved,
}
