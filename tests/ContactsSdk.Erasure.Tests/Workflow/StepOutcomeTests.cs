using System;
using ContactsSdk.Erasure.Workflow;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// What a run of steps hands the job: the outcomes of several steps add up (each erasure woken at the
/// earliest time asked, the send slot handed on if any step did), and a failure keeps what the steps
/// before it asked.
/// </summary>
public sealed class StepOutcomeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Steps_add_up_to_the_last_next_step_the_earliest_wakeup_of_each_erasure_and_any_hand_on()
    {
        var member = Guid.NewGuid();
        var lead = Guid.NewGuid();
        var accepted = StepOutcome.At(T0).Waking(member, T0.AddMinutes(5)).HandingOnSendSlot();
        var polled = StepOutcome.At(T0.AddMinutes(1)).Waking(member, T0.AddMinutes(2)).Waking(lead, T0.AddMinutes(9));

        var run = StepOutcome.At(null).Then(accepted).Then(polled);

        Assert.Equal(T0.AddMinutes(1), run.Next);
        Assert.Equal(T0.AddMinutes(2), run.Wakeups[member]);
        Assert.Equal(T0.AddMinutes(9), run.Wakeups[lead]);
        Assert.True(run.HandsOnSendSlot);
        Assert.Null(run.Failure);
        // Each outcome is a value: adding up did not change the parts.
        Assert.Equal(T0.AddMinutes(5), accepted.Wakeups[member]);
        Assert.False(polled.HandsOnSendSlot);
    }

    [Fact]
    public void A_failure_ends_the_run_without_a_next_step_and_keeps_what_earlier_steps_asked()
    {
        var member = Guid.NewGuid();
        var failure = new InvalidOperationException("step failed");

        var run = StepOutcome.At(T0).Waking(member, T0).HandingOnSendSlot().Failed(failure);

        Assert.Same(failure, run.Failure);
        Assert.Null(run.Next);
        Assert.Equal(T0, run.Wakeups[member]);
        Assert.True(run.HandsOnSendSlot);
    }

    [Fact]
    public void A_later_wakeup_does_not_postpone_an_earlier_one()
    {
        var other = Guid.NewGuid();

        var outcome = StepOutcome.At(T0).Waking(other, T0.AddMinutes(1)).Waking([other], T0.AddMinutes(3));

        Assert.Equal(T0.AddMinutes(1), Assert.Single(outcome.Wakeups).Value);
    }
}
