using System;
using ContactsSdk.Erasure.Deadlines;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Deadlines;

/// <summary>The projection of an erasure's end: queue, restorable days, delete phase; never before now.</summary>
public sealed class DeadlineProjectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // Two hours a call, 14 restorable days assumed, one day of delete phase: the documented defaults.
    private readonly DeadlineProjection _projection = DeadlineProjection.From(new DeadlineOptions());

    [Fact]
    public void A_deletion_waiting_in_the_queue_ends_after_the_calls_ahead_its_own_call_the_restorable_days_and_the_delete_phase()
    {
        Assert.Equal(Now + TimeSpan.FromHours(2) + TimeSpan.FromDays(15), _projection.WaitingInQueue(Now, callsAhead: 0, observedRestorableDays: null));
        Assert.Equal(Now + TimeSpan.FromHours(2 * 11) + TimeSpan.FromDays(15), _projection.WaitingInQueue(Now, callsAhead: 10, observedRestorableDays: null));
    }

    [Fact]
    public void Observed_restorable_days_replace_the_assumed_ones_and_minus_one_means_none()
    {
        Assert.Equal(Now + TimeSpan.FromHours(2) + TimeSpan.FromDays(3), _projection.WaitingInQueue(Now, 0, observedRestorableDays: 2));
        Assert.Equal(Now + TimeSpan.FromHours(2) + TimeSpan.FromDays(1), _projection.WaitingInQueue(Now, 0, observedRestorableDays: -1));
    }

    [Fact]
    public void A_suppressed_deletion_ends_its_restorable_days_and_delete_phase_after_suppression_started()
    {
        var suppressedAt = Now - TimeSpan.FromDays(4);

        Assert.Equal(suppressedAt + TimeSpan.FromDays(15), _projection.Suppressed(Now, suppressedAt, null));
        Assert.Equal(suppressedAt + TimeSpan.FromDays(8), _projection.Suppressed(Now, suppressedAt, observedRestorableDays: 7));
    }

    [Fact]
    public void A_deletion_in_its_delete_phase_ends_one_delete_phase_after_it_started()
    {
        Assert.Equal(Now + TimeSpan.FromHours(20), _projection.Deleting(Now, Now - TimeSpan.FromHours(4)));
    }

    [Fact]
    public void A_projection_whose_assumptions_are_already_exceeded_is_now_never_the_past()
    {
        Assert.Equal(Now, _projection.Suppressed(Now, Now - TimeSpan.FromDays(40), null));
        Assert.Equal(Now, _projection.Deleting(Now, Now - TimeSpan.FromDays(3)));
    }

    [Fact]
    public void The_assumptions_are_inputs_and_bad_ones_are_refused()
    {
        var custom = new DeadlineProjection(TimeSpan.FromMinutes(30), assumedRestorableDays: 2, assumedDeletePhase: TimeSpan.Zero);

        Assert.Equal(Now + TimeSpan.FromMinutes(30 * 4) + TimeSpan.FromDays(2), custom.WaitingInQueue(Now, 3, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineProjection(TimeSpan.Zero, 14, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineProjection(TimeSpan.FromHours(1), -1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineProjection(TimeSpan.FromHours(1), 14, TimeSpan.FromHours(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => custom.WaitingInQueue(Now, -1, null));
    }
}
