using System;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ContactsSdk.TestSupport.Performance;

namespace ContactsSdk.Tests.Performance;

/// <summary>
/// The request economy of following many deletions at once, counted on the emulator in virtual
/// time: batched tracking with the default options costs at most 5% of polling each deletion on its
/// own, and still notices every completion within the poll cap. Counts only, no timings.
/// </summary>
public sealed class TrackingEconomyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Batched_tracking_costs_at_most_five_percent_of_one_by_one_and_notices_every_completion_within_the_cap()
    {
        const int Deletions = 300;
        var oneByOne = await TrackingEconomy.MeasureOneByOneAsync();
        var batched = await TrackingEconomy.MeasureAsync(Deletions, DeletionWaitOptions.Default);
        output.WriteLine(TrackingEconomy.Table(batched, oneByOne));

        Assert.Equal(Deletions, batched.Deleted);
        Assert.InRange(oneByOne.StatusRequests, 336, 400);
        Assert.True(TrackingEconomy.ShareOfOneByOne(batched, oneByOne) <= 0.05,
            $"{batched.RequestsPerDeletion:0.00} requests per deletion batched, {oneByOne.StatusRequests} one by one.");
        // Every deletion needs at least the status read that decides its verdict.
        Assert.True(batched.StatusRequests >= Deletions);
        Assert.InRange(batched.SlowestNotice, TimeSpan.Zero, DeletionWaitOptions.DefaultMaxPollInterval);
    }
}
