using System;

namespace ContactsSdk.Emulator.Lifecycle;

/// <summary>How long each phase lasts, on the emulator clock.</summary>
/// <param name="Pending">Time with <c>operation.status</c> Pending.</param>
/// <param name="Restorable">Time suppressed and restorable, before the delete phase.</param>
/// <param name="DeletePhase">Time the delete phase reports Processing.</param>
internal sealed record LifecycleTimings(TimeSpan Pending, TimeSpan Restorable, TimeSpan DeletePhase)
{
    public static LifecycleTimings From(EmulatorOptions options) => new(
        options.PendingDuration,
        // A day of the emulator clock: a fake or accelerated clock compresses the period with it.
        TimeSpan.FromDays(options.NumberOfRestorableDays),
        options.DeletePhaseDuration);
}
