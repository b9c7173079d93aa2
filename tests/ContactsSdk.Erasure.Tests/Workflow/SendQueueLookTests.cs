using System;
using System.Linq;
using ContactsSdk.Erasure.Workflow;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// How far apart an erasure waiting to send looks at the slot, by its place in the queue: the head
/// soon, the queue as a whole a number of looks that grows with the log of its length, never a date
/// beyond reach.
/// </summary>
public sealed class SendQueueLookTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 10)]
    [InlineData(9, 50)]
    [InlineData(-3, 5)]
    public void An_erasure_looks_after_the_delay_times_one_plus_its_place(int ahead, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SendQueue.LookAfter(Delay, ahead));

    [Theory]
    [InlineData(200_000)]
    [InlineData(int.MaxValue)]
    public void A_place_far_back_looks_once_a_year_at_most(int ahead) =>
        Assert.Equal(SendQueue.LongestLook, SendQueue.LookAfter(Delay, ahead));

    [Fact]
    public void The_longest_delay_at_the_last_place_does_not_overflow() =>
        Assert.Equal(SendQueue.LongestLook, SendQueue.LookAfter(TimeSpan.MaxValue, int.MaxValue));

    [Theory]
    [InlineData(1_000, 7.5)]
    [InlineData(100_000, 12.1)]
    public void A_queue_makes_a_number_of_looks_per_delay_that_grows_with_the_log_of_its_length(int waiting, double atMost)
    {
        // Each place looks once per LookAfter: per Delay, the queue looks Delay / LookAfter times in all.
        var looksPerDelay = Enumerable.Range(0, waiting).Sum(place => Delay / SendQueue.LookAfter(Delay, place));
        Assert.InRange(looksPerDelay, Math.Log(waiting), atMost);
    }
}
