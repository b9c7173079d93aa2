using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.TestSupport.Performance;

/// <summary>What following many deletions at once cost.</summary>
/// <param name="Deletions">How many deletions were followed.</param>
/// <param name="StatusRequests">Status-route requests the emulator received.</param>
/// <param name="AnalyticsRequests">Analytics delete-requests pages the emulator served.</param>
/// <param name="TokenRequests">Token requests the emulator received while following.</param>
/// <param name="Deleted">Deletions that ended Deleted (all of them, when the tracking is right).</param>
/// <param name="SlowestNotice">The longest time from a delete phase's completion to the status read that reported it.</param>
public sealed record TrackingEconomyResult(
    int Deletions,
    long StatusRequests,
    long AnalyticsRequests,
    long TokenRequests,
    int Deleted,
    TimeSpan SlowestNotice)
{
    /// <summary>Status plus analytics requests per deletion followed.</summary>
    public double RequestsPerDeletion => (StatusRequests + AnalyticsRequests) / (double)Deletions;
}

/// <summary>
/// The request economy of <see cref="ContactsClient.WaitForDeletionsAsync"/>: many 14-day deletions
/// started over one day (as erasure requests trickle in), then followed to their end, over loopback
/// against the emulator, client and emulator on one <see cref="VirtualClock"/>. Counts only.
/// </summary>
public static class TrackingEconomy
{
    /// <summary>The 14-day scenario of the poll economy: one-minute pending suppression, 13 restorable days, a one-day delete phase.</summary>
    public static PollScenario Scenario => PollScenario.Standard.Single(s => s.Name == "14 days");

    public static async Task<TrackingEconomyResult> MeasureAsync(int deletions, DeletionWaitOptions options)
    {
        var clock = new VirtualClock();
        var scenario = Scenario;
        await using var emulator = await scenario.StartEmulatorAsync(clock);
        using var client = new ContactsClient(emulator.ClientOptions(), clock);

        var spacing = TimeSpan.FromDays(1) / deletions;
        var ids = new long[deletions];
        for (var i = 0; i < deletions; i++)
        {
            ids[i] = (await client.StartDeletionByKeysAsync(new[] { "economy-contact-" + i.ToString(CultureInfo.InvariantCulture) })).OperationId;
            clock.Advance(spacing);
        }
        var statistics = emulator.Statistics;
        var (statusBefore, analyticsBefore, tokensBefore) = (statistics.StatusRequests, statistics.RequestsTo(EmulatorRoute.DeleteRequests), statistics.TokenRequests);

        var waitStartedAt = clock.GetUtcNow();
        var outcomes = await client.WaitForDeletionsAsync(ids, options);

        // When each completion was noticed: the wait's start plus the elapsed time of the read that showed it.
        var slowestNotice = outcomes.Where(o => o.Result is not null)
            .Max(o => waitStartedAt + o.Result!.Elapsed - emulator.FindOperation(o.OperationId)!.DeletePhaseEndsAt);
        return new TrackingEconomyResult(
            deletions,
            statistics.StatusRequests - statusBefore,
            statistics.RequestsTo(EmulatorRoute.DeleteRequests) - analyticsBefore,
            statistics.TokenRequests - tokensBefore,
            outcomes.Count(o => o.Result?.State == ContactDeletionState.Deleted),
            slowestNotice);
    }

    /// <summary>
    /// The one-by-one baseline: one 14-day deletion followed alone by <see cref="ContactsClient.WaitForDeletionAsync"/>
    /// with the default options (what following each deletion on its own costs, deletion by deletion).
    /// </summary>
    public static Task<PollEconomyResult> MeasureOneByOneAsync() => PollEconomy.MeasureAsync(Scenario);

    /// <summary>Status plus analytics requests of the batched run, as a share of the one-by-one cost of as many deletions.</summary>
    public static double ShareOfOneByOne(TrackingEconomyResult batched, PollEconomyResult oneByOne) =>
        (batched.StatusRequests + batched.AnalyticsRequests) / ((double)oneByOne.StatusRequests * batched.Deletions);

    /// <summary>Batched tracking with the default options against one-by-one polling, as a Markdown table.</summary>
    public static string Table(TrackingEconomyResult batched, PollEconomyResult oneByOne) => string.Join(Environment.NewLine,
        "| tracking | deletions | status requests | analytics requests | requests per deletion | share of one-by-one | token requests | completion noticed after (at most) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        string.Create(CultureInfo.InvariantCulture,
            $"| one by one (today, measured on one deletion) | {batched.Deletions} | {oneByOne.StatusRequests * batched.Deletions} | 0 | {oneByOne.StatusRequests} | 100% | {oneByOne.TokenRequests * batched.Deletions} | {oneByOne.NoticeLatency.TotalMinutes:0.0} min |"),
        string.Create(CultureInfo.InvariantCulture,
            $"| batched (default options) | {batched.Deletions} | {batched.StatusRequests} | {batched.AnalyticsRequests} | {batched.RequestsPerDeletion:0.00} | {ShareOfOneByOne(batched, oneByOne):0.00%} | {batched.TokenRequests} | {batched.SlowestNotice.TotalMinutes:0.0} min |"));
}
