using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Models;
using Xunit;
using ContactsSdk.TestSupport.Performance;

namespace ContactsSdk.Tests.Performance;

/// <summary>
/// The poll economy of the default wait options, counted on the emulator in virtual time: a
/// deletion of any length costs about one status request per hour of the cap plus a short ramp per
/// state change, and its completion is noticed within the cap. Counts only, no timings.
/// </summary>
public sealed class PollEconomyTests
{
    // Polls from a state change until the wait reaches the cap: 5 s doubling to 1 h is 10 waits,
    // plus the poll that sees the change.
    private static readonly int s_rampPolls =
        (int)Math.Ceiling(Math.Log(DeletionWaitOptions.DefaultMaxPollInterval / DeletionWaitOptions.DefaultInitialPollInterval, DeletionWaitOptions.DefaultBackoffFactor)) + 1;

    [Theory]
    [InlineData("1 hour", 5, 25)]
    [InlineData("1 day", 24, 45)]
    [InlineData("14 days", 14 * 24, 400)]
    public async Task Default_options_poll_a_few_hundred_times_at_most_and_notice_completion_within_the_cap(string name, int atLeast, int atMost)
    {
        var scenario = PollScenario.Standard.Single(s => s.Name == name);

        var result = await PollEconomy.MeasureAsync(scenario);

        Assert.Equal(ContactDeletionState.Deleted, result.State);
        Assert.Equal(result.RequestsReported, result.StatusRequests);
        Assert.InRange(result.StatusRequests, atLeast, atMost);
        // The rule behind the bounds: at most one poll per cap interval of the whole deletion, plus
        // one ramp per phase the client sees start.
        var perCap = (int)Math.Ceiling(scenario.Duration / DeletionWaitOptions.DefaultMaxPollInterval);
        Assert.InRange(result.StatusRequests, 1, perCap + (scenario.StateChanges + 1) * s_rampPolls);
        // Completion is noticed after it happens, and no later than one cap interval after.
        Assert.InRange(result.NoticeLatency, TimeSpan.Zero, DeletionWaitOptions.DefaultMaxPollInterval);
        Assert.True(result.LongestWait <= DeletionWaitOptions.DefaultMaxPollInterval, $"A wait of {result.LongestWait} exceeds the cap.");
    }

    [Fact]
    public async Task A_shorter_cap_notices_sooner_and_pays_for_it_in_requests()
    {
        var scenario = PollScenario.Standard.Single(s => s.Name == "1 day");
        var cap = TimeSpan.FromMinutes(10);

        var defaults = await PollEconomy.MeasureAsync(scenario);
        var tight = await PollEconomy.MeasureAsync(scenario, new DeletionWaitOptions { MaxPollInterval = cap });

        Assert.InRange(tight.NoticeLatency, TimeSpan.Zero, cap);
        Assert.True(tight.StatusRequests > defaults.StatusRequests, $"{tight.StatusRequests} requests with a 10-minute cap, {defaults.StatusRequests} with the default.");
        Assert.InRange(tight.StatusRequests, 1, (int)Math.Ceiling(scenario.Duration / cap) + 3 * 8);
    }
}
