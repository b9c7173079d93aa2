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
    /// <summary>The format written today; a file of another version is refused, never guessed at.</summary>
    public const int CurrentVersion = 1;
}

internal sealed record SavedDeletion(
    long OperationId,
    Guid RequestId,
    DateTimeOffset CreatedAt,
    int NumberOfRestorableDays,
    SavedRequest Request,
    DeleteAttempt[] Attempts);

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
