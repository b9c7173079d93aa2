using System;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Analytics;

/// <summary>
/// One deletion as the analytics routes report it at one instant: like the status route, a pure
/// function of the operation and the clock.
/// </summary>
/// <param name="OperationId">The <c>operationId</c>.</param>
/// <param name="ReceivedAt">
/// <c>receivedDateUtc</c>: the operation's creation rounded to the minute, like its <c>createdDate</c>.
/// The range filter and the summary's buckets use this same value, so what a response shows always
/// agrees with the range it was asked for.
/// </param>
/// <param name="Status">Processing until the delete phase of the run in effect ends, then its outcome.</param>
/// <param name="LastStatusAt"><c>lastStatusDateUtc</c>: when <paramref name="Status"/> was reached.</param>
/// <param name="TotalContactCount">The number of contacts the request named (0 for a list, which the emulator cannot count).</param>
/// <param name="CompletedContactCount">The total once Completed, 0 before (and for any other outcome).</param>
/// <param name="DeleteMethod">How the contacts were named.</param>
internal readonly record struct DeleteRequestRecord(
    long OperationId,
    DateTimeOffset ReceivedAt,
    string Status,
    DateTimeOffset LastStatusAt,
    long TotalContactCount,
    long CompletedContactCount,
    string DeleteMethod)
{
    /// <summary>The documented method of a keys or ids deletion.</summary>
    public const string ContactKeyOrIdMethod = "Contact Key/ID";

    /// <summary>The method of a list-reference deletion: the emulator's own label, the documentation shows none.</summary>
    public const string ListReferenceMethod = "List Reference";

    public static DeleteRequestRecord Of(EmulatedOperation operation, DateTimeOffset now)
    {
        var attempt = operation.AttemptAt(now);
        var finished = now >= attempt.DeletePhaseEndsAt;
        var status = finished ? WireStatus.Of(attempt.Outcome) : WireStatus.Processing;
        long total = operation.ExpectedListCount;
        return new DeleteRequestRecord(
            operation.OperationId,
            WireTimestamps.RoundToMinute(operation.CreatedAt),
            status,
            finished ? attempt.DeletePhaseEndsAt : attempt.Since,
            total,
            status == WireStatus.Completed ? total : 0,
            operation.Request.Type == DeleteRequestType.ListReference ? ListReferenceMethod : ContactKeyOrIdMethod);
    }
}
