using System;
using System.Linq;
using ContactsSdk.Testing.Addresses;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Analytics;

/// <summary>
/// One deletion as the delete operations list reports it at one instant: like the status route, a
/// pure function of the operation, the registered contacts and the clock.
/// </summary>
/// <param name="Operation">The deletion.</param>
/// <param name="Status">The list's status (<see cref="DeleteOperationListStatus"/>).</param>
/// <param name="ProcessingStartsAt">When the call's processing starts: <c>startTime</c> once reached.</param>
/// <param name="ProcessingEndsAt">When it ends: <c>endTime</c> once reached, and the start of the restorable days.</param>
/// <param name="RestorableUntil"><c>restorableUntilDate</c>: the end of processing plus the operation's restorable days.</param>
/// <param name="SuccessCount">Contacts processed, once the call has ended (0 before).</param>
/// <param name="ErrorCount">Contacts that errored out, once the call has ended (0 before).</param>
internal readonly record struct DeleteOperationRecord(
    EmulatedOperation Operation,
    string Status,
    DateTimeOffset ProcessingStartsAt,
    DateTimeOffset ProcessingEndsAt,
    DateTimeOffset RestorableUntil,
    long SuccessCount,
    long ErrorCount)
{
    public bool HasStarted(DateTimeOffset now) => now >= ProcessingStartsAt;

    public bool HasEnded(DateTimeOffset now) => now >= ProcessingEndsAt;

    public static DeleteOperationRecord Of(EmulatedOperation operation, ContactDirectory contacts, DateTimeOffset now)
    {
        // The call waits in the account's delete queue until its processing starts, and its suppression
        // begins when the processing ends (with the queue off, the call is processed at once).
        var processingStartsAt = operation.ProcessingStartsAt;
        var processingEndsAt = operation.SuppressionCompletesAt;
        var errors = UnknownKeys(operation.Request, contacts);
        var status = DeleteOperationListStatus.At(now, processingStartsAt, processingEndsAt, errors);
        var ended = now >= processingEndsAt;
        return new DeleteOperationRecord(
            operation,
            status,
            processingStartsAt,
            processingEndsAt,
            processingEndsAt + TimeSpan.FromDays(operation.NumberOfRestorableDays),
            ended ? operation.ExpectedListCount - errors : 0,
            ended ? errors : 0);
    }

    /// <summary>
    /// The keys of a keys request that no registered contact has. Nothing checks a key when a delete is
    /// accepted, so this count is the only place an unknown key shows; without registered contacts
    /// (and for IDs and lists, which the directory cannot check) every contact counts as processed.
    /// </summary>
    private static long UnknownKeys(EmulatedDeleteRequest request, ContactDirectory contacts) =>
        request.Type != DeleteRequestType.Keys || contacts.IsEmpty ? 0 : request.Keys.LongCount(key => !contacts.HasKey(key));
}
