using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;

namespace ContactsSdk.Erasure.Tests.Performance;

/// <summary>What one scenario cost and how long its erasures took, on the virtual clock.</summary>
internal sealed record QueueMeasurementResult(
    QueueScenario Scenario,
    SendingMode Mode,
    int Closed,
    int Deleted,
    long DeleteRequests,
    long StatusRequests,
    long AnalyticsRequests,
    long DeleteOperationListRequests,
    TimeSpan SubmissionToDeletedP50,
    TimeSpan SubmissionToDeletedP99,
    TimeSpan SubmissionToDeletedMax,
    TimeSpan LongestWaitForSuppression,
    TimeSpan LongestCall,
    int GdprDeadlinesMissed,
    int OpenAtStop)
{
    /// <summary>
    /// Whether the run stopped at the last deadline with erasures still open: their time to Deleted is
    /// then only known to be at least the time they had, so the percentiles are lower bounds.
    /// </summary>
    public bool StoppedEarly => OpenAtStop > 0;

    /// <summary>The wait the queue itself sets when nothing else shares it: the call before and its own.</summary>
    public TimeSpan QueueLimit => LongestCall * 2;
}

/// <summary>
/// Erasures against the emulator's delete queue (one call at a time, a fixed time plus a time per
/// contact, 14 restorable days), run by the real step runner and sweep over loopback with the ledger
/// in a real SQLite file, on one fake clock that <see cref="SimulatedWorker"/> moves from event to
/// event. Counts and virtual times only: nothing here depends on how fast the machine is.
/// </summary>
internal static class QueueMeasurement
{
    /// <summary>How long a deletion's delete phase runs after the restorable days (an assumption; it adds the same to every erasure).</summary>
    private static readonly TimeSpan DeletePhase = TimeSpan.FromHours(6);

    /// <param name="scenario">The erasures and when they arrive.</param>
    /// <param name="mode">How requests are made.</param>
    /// <param name="untilLastDeadline">
    /// Stop once the last erasure's GDPR deadline has passed instead of running every erasure to its end:
    /// every deadline is decided by then (an erasure still open has missed it). For one request per erasure
    /// at 100,000, whose queue would otherwise run for years of virtual time.
    /// </param>
    public static async Task<QueueMeasurementResult> MeasureAsync(QueueScenario scenario, SendingMode mode, bool untilLastDeadline = false)
    {
        await using var harness = await ErasureHarness.StartAsync(
            clock => new EmulatorOptions { TimeProvider = clock, NumberOfRestorableDays = 14, DeletePhaseDuration = DeletePhase },
            o =>
            {
                if (mode == SendingMode.OnePerErasure)
                {
                    o.MaxContactsPerDeleteRequest = 1;
                    o.MaxDeleteRequestsInQueue = 2;
                }
            });
        var worker = new SimulatedWorker(harness, harness.Get<ErasureOptions>().MaxPollInterval);
        var start = harness.Clock.GetUtcNow();
        var stopAt = untilLastDeadline ? GdprDeadline(start + scenario.ArrivalOf(scenario.Erasures - 1)) + TimeSpan.FromMinutes(1) : DateTimeOffset.MaxValue;
        var submitted = 0;
        while (submitted < scenario.Erasures || (worker.Active > 0 && worker.NextEventAt <= stopAt))
        {
            var nextSubmission = submitted < scenario.Erasures ? start + scenario.ArrivalOf(submitted) : DateTimeOffset.MaxValue;
            if (nextSubmission <= (worker.NextEventAt ?? DateTimeOffset.MaxValue))
            {
                if (nextSubmission > harness.Clock.GetUtcNow())
                {
                    harness.Clock.SetUtcNow(nextSubmission);
                }
                var key = "queue-contact-" + submitted.ToString(CultureInfo.InvariantCulture);
                var record = await harness.Service.SubmitAsync(new ErasureRequest("queue-request-" + submitted.ToString(CultureInfo.InvariantCulture), ErasureSubjects.ContactKeys([key])));
                worker.Schedule(record.ErasureId, harness.Clock.GetUtcNow());
                submitted++;
            }
            else
            {
                await worker.RunNextAsync();
            }
        }
        if (stopAt < DateTimeOffset.MaxValue && harness.Clock.GetUtcNow() < stopAt)
        {
            harness.Clock.SetUtcNow(stopAt);
        }
        return await SummarizeAsync(harness, scenario, mode);
    }

    /// <summary>GDPR: one calendar month from receipt (here, the submission).</summary>
    private static DateTimeOffset GdprDeadline(DateTimeOffset received) => received.AddMonths(1);

    private static async Task<QueueMeasurementResult> SummarizeAsync(ErasureHarness harness, QueueScenario scenario, SendingMode mode)
    {
        var now = harness.Clock.GetUtcNow();
        var toDeleted = new List<TimeSpan>();
        var closed = 0;
        var missed = 0;
        var open = 0;
        var deleted = 0;
        var longestWait = TimeSpan.Zero;
        await foreach (var record in harness.Store.ReadAllAsync(new ErasureListQuery { PageSize = ErasureListQuery.MaxPageSize }))
        {
            closed += record.State == ErasureState.Closed ? 1 : 0;
            // Not suppressed yet when the run stopped: it has waited at least until now.
            var suppressedAt = harness.Emulator.FindOperation(record.OperationId ?? 0) is { } operation && operation.SuppressionCompletesAt <= now
                ? operation.SuppressionCompletesAt
                : now;
            var wait = suppressedAt - record.SubmittedAt;
            longestWait = wait > longestWait ? wait : longestWait;
            if (record.Verdict == ErasureVerdict.Deleted && record.ConcludedAt is { } concluded)
            {
                deleted++;
                toDeleted.Add(concluded - record.SubmittedAt);
                missed += concluded > GdprDeadline(record.SubmittedAt) ? 1 : 0;
            }
            else if (record.ConcludedAt is null)
            {
                // Stopped at the last deadline: still open, so at least this long to Deleted, and its deadline passed.
                open++;
                toDeleted.Add(now - record.SubmittedAt);
                missed += now > GdprDeadline(record.SubmittedAt) ? 1 : 0;
            }
        }
        toDeleted.Sort();
        var operations = harness.Emulator.Operations;
        var longestCall = operations.Count == 0 ? TimeSpan.Zero : operations.Max(o => o.SuppressionCompletesAt - o.ProcessingStartsAt);
        var statistics = harness.Emulator.Statistics;
        return new QueueMeasurementResult(
            scenario, mode, closed, deleted,
            statistics.RequestsTo(EmulatorRoute.Delete), statistics.StatusRequests, statistics.RequestsTo(EmulatorRoute.DeleteRequests),
            statistics.RequestsTo(EmulatorRoute.DeleteOperations),
            Percentile(toDeleted, 0.50), Percentile(toDeleted, 0.99), toDeleted.Count == 0 ? TimeSpan.Zero : toDeleted[^1],
            longestWait, longestCall, missed, open);
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double share) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Results as a Markdown table, a row per scenario and mode.</summary>
    public static string Table(IEnumerable<QueueMeasurementResult> results) => string.Join(Environment.NewLine,
        [
            "| scenario | requests made | delete requests | status requests | analytics requests | delete-operations list | submission to Deleted p50 / p99 / max | longest wait for suppression (queue limit) | GDPR deadlines missed |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: |",
            .. results.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario.Name} | {(r.Mode == SendingMode.Coalesced ? "coalesced" : "one per erasure")} | {r.DeleteRequests:N0} | {r.StatusRequests:N0} | {r.AnalyticsRequests:N0} | {r.DeleteOperationListRequests:N0} | {Days(r, r.SubmissionToDeletedP50)} / {Days(r, r.SubmissionToDeletedP99)} / {Days(r, r.SubmissionToDeletedMax)} | {(r.StoppedEarly ? "≥ " : "")}{Hours(r.LongestWaitForSuppression)} ({Hours(r.QueueLimit)}) | {r.GdprDeadlinesMissed:N0} of {r.Deleted + r.OpenAtStop:N0}{(r.StoppedEarly ? $" ({r.OpenAtStop:N0} still open at the last deadline)" : "")} |")),
        ]);

    /// <summary>Days; "≥" when the run stopped with erasures open (their times are lower bounds).</summary>
    private static string Days(QueueMeasurementResult result, TimeSpan time) => (result.StoppedEarly ? "≥ " : "") + Days(time);

    private static string Days(TimeSpan time) => time.TotalDays.ToString("0.0", CultureInfo.InvariantCulture) + " d";

    private static string Hours(TimeSpan time) => time.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " h";
}
