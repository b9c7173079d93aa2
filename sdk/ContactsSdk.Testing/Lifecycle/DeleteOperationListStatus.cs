using System;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// The <c>status</c> the delete operations list (<c>GET /contacts/v1/contacts/deleteOperations</c>)
/// reports for an operation: the one place that maps an emulated deletion to that list's values.
/// </summary>
/// <remarks>
/// <para>
/// Assumption, from the documentation: the list's status is the status of the delete <em>call</em>
/// (the operation record the status route shows as <c>operation</c>). The delete route pages say the
/// queue "processes only one deletion call at a time"; a call waits (Pending), is processed
/// (Processing), then has ended; its end is when suppression and the restorable days start, which is
/// why the list gives <c>restorableUntilDate</c> from then. The delete phase that follows the
/// restorable days belongs to the status route's <c>backgroundOperationsSummary</c>, not to this
/// status, so a call that ended Completed stays Completed whatever its delete phase does (the status
/// route and the analytics route report Aborted or Invalid there).
/// </para>
/// <para>
/// Today the emulator has no queue: a call is Pending from its creation until its suppression
/// completes, and is then at once processed (<c>processingStartsAt</c> equals
/// <c>processingEndsAt</c>). A queue that processes calls one at a time passes the moment its
/// processing of the call starts, and the list shows Processing in between.
/// </para>
/// <para>
/// A call ends Completed, or CompletedWithErrors when some of its contacts errored out (the emulator
/// counts as errors the keys no registered contact has, when contacts are registered). The emulator
/// never reports Cancelling, Cancelled or Failed: it cancels no call, and its failures (Invalid) are
/// failures of the delete phase.
/// </para>
/// </remarks>
internal static class DeleteOperationListStatus
{
    public const string Pending = "Pending";
    public const string Processing = "Processing";
    public const string Completed = "Completed";
    public const string CompletedWithErrors = "CompletedWithErrors";

    /// <summary>The list's status at <paramref name="now"/> of a call processed from <paramref name="processingStartsAt"/> to <paramref name="processingEndsAt"/>.</summary>
    /// <param name="now">The instant of the request.</param>
    /// <param name="processingStartsAt">When the queue starts processing the call.</param>
    /// <param name="processingEndsAt">When its processing ends: suppression and the restorable days start then.</param>
    /// <param name="errorCount">How many of its contacts errored out.</param>
    public static string At(DateTimeOffset now, DateTimeOffset processingStartsAt, DateTimeOffset processingEndsAt, long errorCount)
    {
        if (now >= processingEndsAt)
        {
            return errorCount > 0 ? CompletedWithErrors : Completed;
        }

        return now >= processingStartsAt ? Processing : Pending;
    }
}
