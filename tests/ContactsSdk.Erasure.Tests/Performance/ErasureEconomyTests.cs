using System;
using System.Globalization;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Erasure.Tests.Performance;

/// <summary>
/// The request economy of the erasure workflow, counted on the emulator in virtual time: with the
/// default options (batched tracking), following erasures to their verdicts costs at most 5% of each
/// erasure polling its own deletion, every verdict is the emulator's truth, and every one is recorded
/// within the poll cap of the deletion's end. Counts only, no timings.
/// </summary>
/// <remarks>
/// CI runs a few hundred erasures; <c>ERASURE_ECONOMY_ERASURES=10000</c> runs the full size
/// (docs/performance.md has the figures).
/// </remarks>
public sealed class ErasureEconomyTests(ITestOutputHelper output)
{
    private const int DefaultErasures = 300;
    private const int OneByOneErasures = 10;

    [Fact]
    public async Task Batched_erasures_cost_at_most_five_percent_of_one_by_one_and_record_every_verdict_within_the_cap()
    {
        var erasures = int.TryParse(Environment.GetEnvironmentVariable("ERASURE_ECONOMY_ERASURES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultErasures;
        var oneByOne = await ErasureEconomy.MeasureAsync(OneByOneErasures, batchedTracking: false);
        var batched = await ErasureEconomy.MeasureAsync(erasures, batchedTracking: true);
        output.WriteLine(ErasureEconomy.Table(batched, oneByOne));
        output.WriteLine($"{batched.Sweeps} sweeps; {batched.Closed} of {erasures} closed; {batched.VerdictsDisagreeing} verdicts disagree with the emulator.");

        Assert.Equal(OneByOneErasures, oneByOne.Closed);
        Assert.Equal(erasures, batched.Closed);
        Assert.Equal(0, oneByOne.VerdictsDisagreeing);
        Assert.Equal(0, batched.VerdictsDisagreeing);
        // One by one, a 14-day deletion costs a few hundred reads (no sweep at all).
        Assert.InRange(oneByOne.RequestsPerErasure, 300, 400);
        Assert.Equal(0, oneByOne.AnalyticsRequests);
        Assert.True(batched.AnalyticsRequests > 0, "No sweep read the analytics route.");
        Assert.True(ErasureEconomy.ShareOfOneByOne(batched, oneByOne) <= 0.05,
            $"{batched.RequestsPerErasure:0.00} requests per erasure batched, {oneByOne.RequestsPerErasure:0.0} one by one.");
        // Every erasure needs at least the status read that decides its verdict.
        Assert.True(batched.StatusRequests >= erasures);
        Assert.InRange(batched.SlowestNotice, TimeSpan.Zero, ErasureOptions.DefaultMaxPollInterval);
        Assert.InRange(oneByOne.SlowestNotice, TimeSpan.Zero, ErasureOptions.DefaultMaxPollInterval);
    }
}
