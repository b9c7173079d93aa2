using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// A deletion the emulator holds. Its state is a pure function of the emulator clock: nothing runs
/// in the background, so advancing a fake clock moves every operation forward at once. A retry adds
/// a new run from the moment of the retry; the state at any instant comes from the run in effect then.
/// </summary>
public sealed class EmulatedOperation
{
    private readonly Lock _retryLock = new();

    // Replaced, never changed in place, so readers need no lock.
    private volatile DeleteAttempt[] _attempts;

    private readonly DeleteQueue _queue;

    internal EmulatedOperation(
        long operationId,
        EmulatedDeleteRequest request,
        Guid requestId,
        DateTimeOffset createdAt,
        DeleteOutcome outcome,
        int numberOfRestorableDays,
        LifecycleTimings timings,
        DeleteQueue queue,
        DeleteCall call)
    {
        OperationId = operationId;
        Request = request;
        RequestId = requestId;
        CreatedAt = createdAt;
        NumberOfRestorableDays = numberOfRestorableDays;
        _queue = queue;
        Call = call;
        // A day of the emulator clock: a fake or accelerated clock compresses the period with it.
        var deletePhaseStartsAt = SuppressionCompletesAt + TimeSpan.FromDays(numberOfRestorableDays);
        BackgroundOperationCount = timings.BackgroundOperations;
        _attempts = [new DeleteAttempt(0, createdAt, deletePhaseStartsAt, deletePhaseStartsAt + timings.DeletePhase, outcome)];

        var list = RecordedList.For(request.Type, request.ListTypeId, request.ListKey, request.Keys.Count, request.Ids.Count, requestId);
        ListTypeId = list.ListTypeId;
        ListKey = list.ListKey;
        ListIdentifier = list.ListKey;
        ExpectedListCount = list.ExpectedListCount;
    }

    /// <summary>The <c>operationID</c> returned by the delete route.</summary>
    public long OperationId { get; }

    /// <summary>The request that created the operation.</summary>
    public EmulatedDeleteRequest Request { get; }

    /// <summary>The operation's <c>requestID</c>, also the delete response's <c>requestServiceMessageID</c>.</summary>
    public Guid RequestId { get; }

    /// <summary>When the operation was created, on the emulator clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// The restorable period of this operation (<c>numberofRestorableDays</c>): the account setting
    /// when the operation was created.
    /// </summary>
    public int NumberOfRestorableDays { get; }

    /// <summary>How the delete phase of the latest run will end.</summary>
    public DeleteOutcome Outcome => Latest.Outcome;

    /// <summary>
    /// When processing the delete call starts: its arrival, or, with the delete queue, when the call
    /// before it ends if that is later. Until then the call waits; <c>operation.status</c> is Pending.
    /// </summary>
    public DateTimeOffset ProcessingStartsAt => Call.ProcessingStartsAt;

    /// <summary>
    /// When processing the delete call ends and <c>operation.status</c> turns from Pending to Completed:
    /// the contacts are suppressed and their restorable days start.
    /// </summary>
    public DateTimeOffset SuppressionCompletesAt => Call.ProcessingEndsAt;

    /// <summary>Whether the call waited in the account's delete queue (false when the emulator ran without it).</summary>
    public bool WaitedInDeleteQueue => Call.Queued;

    /// <summary>When the delete phase of the latest run starts (for a retry, the moment of the retry).</summary>
    public DateTimeOffset DeletePhaseStartsAt => Latest.DeletePhaseStartsAt;

    /// <summary>When the delete phase of the latest run reaches <see cref="Outcome"/>.</summary>
    public DateTimeOffset DeletePhaseEndsAt => Latest.DeletePhaseEndsAt;

    /// <summary>How many times the operation was restarted by the retry route.</summary>
    public int RetryCount => Latest.RetryCount;

    /// <summary>The <c>backgroundOperationID</c> of the delete phase (of its first entry when it lists several).</summary>
    public long BackgroundOperationId => OperationId;

    /// <summary>How many entries <c>backgroundOperationsSummary</c> lists in the delete phase.</summary>
    public int BackgroundOperationCount { get; }

    /// <summary>The <c>listTypeID</c> reported for the operation.</summary>
    public int ListTypeId { get; }

    /// <summary>The <c>listKey</c> reported for the operation.</summary>
    public string ListKey { get; }

    /// <summary>The <c>listIdentifier</c> reported for the operation.</summary>
    public string ListIdentifier { get; }

    /// <summary>The <c>expectedListCount</c> reported for the operation.</summary>
    public int ExpectedListCount { get; }

    /// <summary>The call's place in the account's delete queue and its processing times.</summary>
    internal DeleteCall Call { get; }

    private DeleteAttempt Latest => _attempts[^1];

    /// <summary>Every run so far, oldest first: what a saved emulator keeps.</summary>
    internal IReadOnlyList<DeleteAttempt> Attempts => _attempts;

    /// <summary>An operation read back from a saved emulator, with the runs it had.</summary>
    internal static EmulatedOperation Restore(
        long operationId, EmulatedDeleteRequest request, Guid requestId, DateTimeOffset createdAt,
        int numberOfRestorableDays, LifecycleTimings timings, DeleteQueue queue, DeleteCall call, DeleteAttempt[] attempts)
    {
        var operation = new EmulatedOperation(operationId, request, requestId, createdAt, attempts[0].Outcome, numberOfRestorableDays, timings, queue, call);
        operation._attempts = attempts;
        return operation;
    }

    /// <summary>
    /// How many of the account's delete calls are ahead of this one at <paramref name="now"/>, the one
    /// being processed included: 0 while this call is processed (and for a call that did not queue),
    /// null once its processing has ended.
    /// </summary>
    public int? QueuePositionAt(DateTimeOffset now) => _queue.PositionAt(Call, now);

    /// <summary>The operation's state at <paramref name="now"/>.</summary>
    public OperationState StateAt(DateTimeOffset now) => StateAt(AttemptAt(now), now);

    /// <summary>The run in effect at <paramref name="now"/>: the last one that began at or before it.</summary>
    internal DeleteAttempt AttemptAt(DateTimeOffset now)
    {
        var attempts = _attempts;
        for (var i = attempts.Length - 1; i > 0; i--)
        {
            if (attempts[i].Since <= now)
            {
                return attempts[i];
            }
        }

        return attempts[0];
    }

    /// <summary>
    /// Restarts the operation if its delete phase ended Invalid at <paramref name="now"/>. The restart
    /// skips the suppression phase (the contacts were suppressed and their restorable period is over)
    /// and runs the delete phase again from <paramref name="now"/>; a restart always ends Completed, so
    /// a test can watch a failed deletion recover. Returns false, changing nothing, for any other state.
    /// </summary>
    /// <param name="now">The moment of the retry request.</param>
    /// <param name="deletePhase">How long the new delete phase reports Processing.</param>
    /// <param name="before">The state the retry found.</param>
    internal bool TryRestart(DateTimeOffset now, TimeSpan deletePhase, out OperationState before)
    {
        lock (_retryLock)
        {
            var attempt = AttemptAt(now);
            before = StateAt(attempt, now);
            if (before.Phase != OperationPhase.DeleteFinished || attempt.Outcome != DeleteOutcome.Invalid)
            {
                return false;
            }

            var restart = new DeleteAttempt(attempt.RetryCount + 1, now, now, now + deletePhase, DeleteOutcome.Completed);
            _attempts = [.. _attempts, restart];
            return true;
        }
    }

    /// <summary>
    /// The <c>backgroundOperationStatusID</c> of each summary entry at <paramref name="now"/>, in listed
    /// order, or an empty list before the delete phase. Entry <c>i</c> of <c>n</c> finishes after
    /// <c>(n - i) / n</c> of the delete phase: the last listed first, the first at the end of the phase,
    /// with the run's outcome; the others end Completed.
    /// </summary>
    internal IReadOnlyList<string> BackgroundStatusesAt(DeleteAttempt attempt, DateTimeOffset now)
    {
        if (now < SuppressionCompletesAt || now < attempt.DeletePhaseStartsAt)
        {
            return [];
        }

        var count = BackgroundOperationCount;
        var statuses = new string[count];
        var phase = attempt.DeletePhaseEndsAt - attempt.DeletePhaseStartsAt;
        for (var i = 0; i < count; i++)
        {
            var endsAt = i == 0 ? attempt.DeletePhaseEndsAt : attempt.DeletePhaseStartsAt + (phase * (count - i) / count);
            statuses[i] = now < endsAt ? WireStatus.Processing : i == 0 ? WireStatus.Of(attempt.Outcome) : WireStatus.Completed;
        }

        return statuses;
    }

    /// <summary>The state at <paramref name="now"/> of a run read once, so one response never mixes two runs.</summary>
    internal OperationState StateAt(DeleteAttempt attempt, DateTimeOffset now)
    {
        if (now < SuppressionCompletesAt)
        {
            return new OperationState(OperationPhase.SuppressionPending, WireStatus.Pending, null);
        }

        if (now < attempt.DeletePhaseStartsAt)
        {
            return new OperationState(OperationPhase.SuppressionCompleted, WireStatus.Completed, null);
        }

        return now < attempt.DeletePhaseEndsAt
            ? new OperationState(OperationPhase.DeleteProcessing, WireStatus.Completed, WireStatus.Processing)
            : new OperationState(OperationPhase.DeleteFinished, WireStatus.Completed, WireStatus.Of(attempt.Outcome));
    }
}
