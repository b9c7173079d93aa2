using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Erasure.Tests.Performance;

/// <summary>
/// Erasures against Marketing Cloud's one-call-at-a-time delete queue, coalesced and one request per
/// erasure side by side in the same run, on the virtual clock: coalesced requests meet every GDPR
/// deadline, and no erasure waits for its suppression longer than two of the queue's calls.
/// </summary>
/// <remarks>
/// CI runs a small size; <c>ERASURE_QUEUE_ERASURES=10000</c> (and <c>ERASURE_QUEUE_LARGE=100000</c> for the
/// third scenario) runs the issue's sizes (docs/performance.md has the figures);
/// <c>ERASURE_QUEUE_SCENARIOS=once,even</c> runs only some of <c>even</c>, <c>once</c> and <c>large</c>, so
/// the long ones can run in processes of their own; <c>ERASURE_QUEUE_BASELINE=off</c> skips the one-per-erasure baseline,
/// <c>ERASURE_QUEUE_BASELINE=only</c> measures nothing else; <c>ERASURE_QUEUE_BASELINE_UNTIL=last-deadline</c>
/// stops the baseline once the last GDPR deadline has passed (every deadline is decided by then; the
/// times to Deleted of the erasures still open are lower bounds).
/// </remarks>
public sealed class QueueMeasurementTests(ITestOutputHelper output)
{
    private const int DefaultErasures = 200;

    [Fact]
    public async Task Coalesced_requests_meet_every_deadline_and_wait_at_most_two_calls_with_fewer_requests_than_one_per_erasure()
    {
        var erasures = Setting("ERASURE_QUEUE_ERASURES", DefaultErasures);
        var large = Setting("ERASURE_QUEUE_LARGE", erasures * 2);
        var scenarios = Selected([("even", QueueScenario.EvenlyOver30Days(erasures)), ("once", QueueScenario.AllAtOnce(erasures)), ("large", QueueScenario.EvenlyOver30Days(large))]);
        var results = new List<QueueMeasurementResult>();
        // ERASURE_QUEUE_BASELINE=off measures coalesced requests only: the one-per-erasure baseline of a
        // large scenario simulates years of queue, for a figure the smaller scenarios already show.
        // ERASURE_QUEUE_BASELINE=only measures the baseline alone, for a scenario whose coalesced run was measured before.
        var baseline = Environment.GetEnvironmentVariable("ERASURE_QUEUE_BASELINE") != "off";
        var baselineOnly = Environment.GetEnvironmentVariable("ERASURE_QUEUE_BASELINE") == "only";
        var baselineUntilLastDeadline = Environment.GetEnvironmentVariable("ERASURE_QUEUE_BASELINE_UNTIL") == "last-deadline";
        foreach (var scenario in scenarios)
        {
            var onePerErasure = baseline ? await QueueMeasurement.MeasureAsync(scenario, SendingMode.OnePerErasure, baselineUntilLastDeadline) : null;
            if (onePerErasure is not null)
            {
                AssertBaselineAccountsForEveryErasure(scenario, onePerErasure);
            }
            if (baselineOnly)
            {
                output.WriteLine(QueueMeasurement.Table([onePerErasure!]));
                continue;
            }
            var coalesced = await QueueMeasurement.MeasureAsync(scenario, SendingMode.Coalesced);
            QueueMeasurementResult[] measured = onePerErasure is null ? [coalesced] : [onePerErasure, coalesced];
            results.AddRange(measured);
            output.WriteLine(QueueMeasurement.Table(measured));

            Assert.Equal(scenario.Erasures, coalesced.Closed);
            if (onePerErasure is not null)
            {
                // Erasures arriving further apart than a call takes ride alone; erasures arriving together share requests.
                Assert.True(coalesced.DeleteRequests <= onePerErasure.DeleteRequests, $"{scenario.Name}: {coalesced.DeleteRequests} coalesced requests, {onePerErasure.DeleteRequests} one by one.");
            }
            Assert.True(coalesced.DeleteRequests <= scenario.Erasures, $"{scenario.Name}: {coalesced.DeleteRequests} coalesced requests for {scenario.Erasures} erasures.");
            if (scenario.ArrivalPeriod == TimeSpan.Zero)
            {
                Assert.True(coalesced.DeleteRequests <= 1 + (scenario.Erasures / 5_000), $"{scenario.Name}: {coalesced.DeleteRequests} coalesced requests.");
            }
            Assert.Equal(0, coalesced.GdprDeadlinesMissed);
            if (coalesced.DeleteRequests * 10 <= scenario.Erasures)
            {
                // Erasures riding one request share its status reads: the lead reads it, the others read
                // once when it left the queue and once for each change the lead saw after it.
                Assert.True(coalesced.StatusRequests <= (3 * scenario.Erasures) + (400 * coalesced.DeleteRequests),
                    $"{scenario.Name}: {coalesced.StatusRequests} status reads for {scenario.Erasures} erasures in {coalesced.DeleteRequests} requests.");
            }
            // Two calls (the one being processed when it arrived, then its own), plus how late the lead can
            // notice the first leaving the queue: its status reads are at most QueueCheckInterval apart.
            var limit = coalesced.QueueLimit + ErasureOptions.DefaultQueueCheckInterval;
            Assert.True(coalesced.LongestWaitForSuppression <= limit,
                $"{scenario.Name}: an erasure waited {coalesced.LongestWaitForSuppression} for its suppression; two calls and a queue check take {limit}.");
        }
        output.WriteLine(QueueMeasurement.Table(results));
    }

    /// <summary>Run to the end, every erasure closed, each its own request; stopped at the last deadline, every open erasure missed it.</summary>
    private static void AssertBaselineAccountsForEveryErasure(QueueScenario scenario, QueueMeasurementResult onePerErasure)
    {
        if (!onePerErasure.StoppedEarly)
        {
            Assert.Equal((scenario.Erasures, (long)scenario.Erasures), (onePerErasure.Closed, onePerErasure.DeleteRequests));
            return;
        }
        Assert.True(onePerErasure.DeleteRequests <= scenario.Erasures);
        Assert.True(onePerErasure.GdprDeadlinesMissed >= onePerErasure.OpenAtStop,
            $"{scenario.Name}: {onePerErasure.OpenAtStop} erasures open after the last deadline, {onePerErasure.GdprDeadlinesMissed} deadlines missed.");
    }

    private static QueueScenario[] Selected((string Name, QueueScenario Scenario)[] all)
    {
        var names = Environment.GetEnvironmentVariable("ERASURE_QUEUE_SCENARIOS");
        if (string.IsNullOrWhiteSpace(names))
        {
            return [.. all.Select(s => s.Scenario)];
        }
        var wanted = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = wanted.Where(n => !all.Any(s => s.Name == n)).ToArray();
        Assert.True(unknown.Length == 0, $"ERASURE_QUEUE_SCENARIOS names {string.Join(", ", unknown)}; the scenarios are even, once and large.");
        return [.. all.Where(s => wanted.Contains(s.Name)).Select(s => s.Scenario)];
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
