using System;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// How long the phases that do not depend on account settings last, on the emulator clock. The
/// restorable period is an account setting (configSettings), so each deletion takes it from
/// <see cref="DeletionSettings"/> when it is created.
/// </summary>
/// <param name="Pending">Time with <c>operation.status</c> Pending: a restriction's, and a deletion's when the delete queue is off.</param>
/// <param name="DeletePhase">Time the delete phase reports Processing.</param>
/// <param name="BackgroundOperations">How many background operations the delete phase lists; they finish one after another within it.</param>
/// <param name="DeleteCalls">How delete calls are queued and how long one takes to process.</param>
internal sealed record LifecycleTimings(TimeSpan Pending, TimeSpan DeletePhase, int BackgroundOperations, DeleteCallTiming DeleteCalls)
{
    public static LifecycleTimings From(EmulatorOptions options) =>
        new(
            options.PendingDuration,
            options.DeletePhaseDuration,
            options.BackgroundOperationsPerDeletion,
            new DeleteCallTiming(options.DeleteQueueEnabled, options.DeleteCallFixedTime, options.DeleteCallTimePerContact));
}
