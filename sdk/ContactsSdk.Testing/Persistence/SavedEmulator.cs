using System;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Persistence;

/// <summary>
/// What a saved emulator keeps in its state file: the operations (with every run of each deletion),
/// the ID sequence and the account's deletion settings. Faults, tokens and statistics are not kept:
/// a restarted emulator issues new tokens, as a real one keeps none a client could rely on.
/// </summary>
internal sealed record SavedEmulator(
    int Version,
    long LastOperationId,
    int NumberOfRestorableDays,
    SavedDeletion[] Deletions,
    SavedRestriction[] Restrictions)
{
    /// <summary>
    /// The format written today. Version 2 added each deletion's place in the delete queue; a version 1
    /// file (written before the queue) is still read. A file of any other version is refused, never
    /// guessed at, and an older emulator refuses a version 2 file rather than misread its schedule.
    /// </summary>
    public const int CurrentVersion = 2;

    /// <summary>The format before the delete queue: every deletion processed from its creation.</summary>
    public const int VersionWithoutQueue = 1;
}

/// <summary>A deletion with every run it had.</summary>
/// <param name="OperationId">Its <c>operationID</c>.</param>
/// <param name="RequestId">Its <c>requestID</c>.</param>
/// <param name="CreatedAt">When the delete call arrived.</param>
/// <param name="NumberOfRestorableDays">Its restorable period.</param>
/// <param name="Request">The delete request as received.</param>
/// <param name="Attempts">Its runs, oldest first.</param>
/// <param name="Queued">Whether its call waited in the delete queue (absent from version 1 files: it did not).</param>
/// <param name="ProcessingStartsAt">When processing its call started (absent from version 1 files: at its creation).</param>
/// <param name="SuppressionCompletesAt">When processing its call ended (absent from version 1 files: derived from its first run).</param>
internal sealed record SavedDeletion(
    long OperationId,
    Guid RequestId,
    DateTimeOffset CreatedAt,
    int NumberOfRestorableDays,
    SavedRequest Request,
    DeleteAttempt[] Attempts,
    bool? Queued = null,
    DateTimeOffset? ProcessingStartsAt = null,
    DateTimeOffset? SuppressionCompletesAt = null);

internal sealed record SavedRestriction(long OperationId, Guid RequestId, DateTimeOffset CreatedAt, SavedRequest Request);

/// <summary>A delete or restrict request as received (a restrict request has no operation type).</summary>
internal sealed record SavedRequest(
    DeleteRequestType Type,
    string[] Keys,
    long[] Ids,
    string? ListKey,
    int? ListTypeId,
    string? DeleteOperationType,
    bool DeleteListWhenCompleted,
    bool DeleteListContentsWhenCompleted);
