using System;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>Whether an account's delete calls wait for each other, and how long processing one takes.</summary>
/// <param name="Queued">True: one call at a time, in arrival order. False: every call from its arrival, in parallel.</param>
/// <param name="FixedTime">The part of a queued call's processing time that does not depend on its size.</param>
/// <param name="TimePerContact">The part per contact key or ID the call names.</param>
internal sealed record DeleteCallTiming(bool Queued, TimeSpan FixedTime, TimeSpan TimePerContact)
{
    /// <summary>How long processing a queued call naming <paramref name="contactCount"/> contacts takes.</summary>
    public TimeSpan ProcessingTimeOf(int contactCount) =>
        // Whole ticks per contact, so the result is exact and the same on every machine.
        FixedTime + TimeSpan.FromTicks(TimePerContact.Ticks * contactCount);
}
