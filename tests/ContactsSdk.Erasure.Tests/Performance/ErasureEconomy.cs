using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Erasure.Tests.Performance;

/// <summary>What following erasures to their verdicts cost.</summary>
/// <param name="Erasures">How many erasures ran.</param>
/// <param name="StatusRequests">Status-route requests the emulator received.</param>
/// <param name="AnalyticsRequests">Analytics delete-requests pages the emulator served.</param>
/// <param name="TokenRequests">Token requests the emulator received.</param>
/// <param name="Closed">Erasures closed with a receipt.</param>
/// <param name="VerdictsDisagreeing">Closed erasures whose verdict is not what the emulator decided.</param>
/// <param name="SlowestNotice">The longest time from a deletion's end to the verdict recorded for it.</param>
/// <param name="Sweeps">Sweeps run.</param>
internal sealed record ErasureEconomyResult(
    int Erasures,
    long StatusRequests,
    long AnalyticsRequests,
    long TokenRequests,
    int Closed,
    int VerdictsDisagreeing,
    TimeSpan SlowestNotice,
    int Sweeps)
{
    /// <summary>Status plus analytics requests per erasure.</summary>
    public double RequestsPerErasure => (StatusRequests + AnalyticsRequests) / (double)Erasures;
}

/// <summary>
/// The request economy of the erasure workflow: erasures submitted over one day (as requests trickle
/// in), each a 14-day deletion (a minute of suppression, 13 restorable days, a one-day delete phase),
/// followed to their receipts by the real step runner and sweep against the emulator over loopback,
/// with the ledger in a real SQLite file, on one fake clock (<see cref="SimulatedWorker"/> stands in
/// for Quartz). A tenth of the deletions end restored and a tenth invalid. Counts only.
/// </summary>
internal static class ErasureEconomy
{
    private static readonly TimeSpan SubmissionPeriod = TimeSpan.FromDays(1);

    /// <summary>Runs <paramref name="erasures"/> erasures with the default options, batched or one by one.</summary>
    public static async Task<ErasureEconomyResult> MeasureAsync(int erasures, bool batchedTracking)
    {
        await using var harness = await ErasureHarness.StartAsync(
            clock => new EmulatorOptions
            {
                TimeProvider = clock,
                PendingDuration = TimeSpan.FromMinutes(1),
                // The tracking economy of docs/performance.md: one-minute pending suppressions side by
                // side, as the figures there were measured; the delete queue's cost is measured apart.
                DeleteQueueEnabled = false,
                NumberOfRestorableDays = 13,
                DeletePhaseDuration = TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1),
                OutcomeSelector = request => OutcomeOf(IndexOf(request.Keys[0])),
            },
            o => o.BatchedTracking = batchedTracking);
        var options = harness.Get<ErasureOptions>();
        var worker = new SimulatedWorker(harness, batchedTracking ? options.MaxPollInterval : null);

        var start = harness.Clock.GetUtcNow();
        var spacing = SubmissionPeriod / erasures;
        var submitted = 0;
        while (submitted < erasures || worker.Active > 0)
        {
            var nextSubmission = submitted < erasures ? start + (spacing * submitted) : DateTimeOffset.MaxValue;
            if (nextSubmission <= (worker.NextEventAt ?? DateTimeOffset.MaxValue))
            {
                if (nextSubmission > harness.Clock.GetUtcNow())
                {
                    harness.Clock.SetUtcNow(nextSubmission);
                }
                var record = await harness.Service.SubmitAsync(new ErasureRequest(RequestId(submitted), ErasureSubjects.ContactKeys([KeyOf(submitted)])));
                worker.Schedule(record.ErasureId, harness.Clock.GetUtcNow());
                submitted++;
            }
            else
            {
                await worker.RunNextAsync();
            }
        }
        return await SummarizeAsync(harness, erasures, worker.Sweeps);
    }

    /// <summary>Status plus analytics requests of the batched run, as a share of one-by-one polling of as many erasures.</summary>
    public static double ShareOfOneByOne(ErasureEconomyResult batched, ErasureEconomyResult oneByOne) =>
        (batched.StatusRequests + batched.AnalyticsRequests) / (oneByOne.RequestsPerErasure * batched.Erasures);

    /// <summary>Both runs as a Markdown table; the one-by-one run is scaled to the batched run's erasures.</summary>
    public static string Table(ErasureEconomyResult batched, ErasureEconomyResult oneByOne)
    {
        var scale = batched.Erasures / (double)oneByOne.Erasures;
        return string.Join(Environment.NewLine,
            "| erasures followed | erasures | status requests | analytics requests | requests per erasure | share of one-by-one | token requests | verdict recorded after (at most) |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            string.Create(CultureInfo.InvariantCulture,
                $"| one by one (measured on {oneByOne.Erasures}, scaled) | {batched.Erasures} | {oneByOne.StatusRequests * scale:0} | {oneByOne.AnalyticsRequests * scale:0} | {oneByOne.RequestsPerErasure:0.0} | 100% | {oneByOne.TokenRequests * scale:0} | {oneByOne.SlowestNotice.TotalMinutes:0.0} min |"),
            string.Create(CultureInfo.InvariantCulture,
                $"| batched (default options) | {batched.Erasures} | {batched.StatusRequests} | {batched.AnalyticsRequests} | {batched.RequestsPerErasure:0.00} | {ShareOfOneByOne(batched, oneByOne):0.00%} | {batched.TokenRequests} | {batched.SlowestNotice.TotalMinutes:0.0} min |"));
    }

    private static async Task<ErasureEconomyResult> SummarizeAsync(ErasureHarness harness, int erasures, int sweeps)
    {
        var closed = 0;
        var disagreeing = 0;
        var slowestNotice = TimeSpan.Zero;
        await foreach (var record in harness.Store.ReadAllAsync(new ErasureListQuery { PageSize = ErasureListQuery.MaxPageSize }))
        {
            var operation = harness.Emulator.FindOperation(record.OperationId ?? 0);
            if (record.State != ErasureState.Closed || operation is null || record.ConcludedAt is not { } concludedAt)
            {
                continue;
            }
            closed++;
            disagreeing += record.Verdict == VerdictOf(operation.Outcome) ? 0 : 1;
            var notice = concludedAt - operation.DeletePhaseEndsAt;
            slowestNotice = notice > slowestNotice ? notice : slowestNotice;
        }
        var statistics = harness.Emulator.Statistics;
        return new ErasureEconomyResult(
            erasures, statistics.StatusRequests, statistics.RequestsTo(EmulatorRoute.DeleteRequests), statistics.TokenRequests,
            closed, disagreeing, slowestNotice, sweeps);
    }

    /// <summary>The emulator's truth: a tenth of the deletions restored, a tenth invalid, the rest completed.</summary>
    private static DeleteOutcome OutcomeOf(int index) => (index % 10) switch
    {
        7 => DeleteOutcome.Aborted,
        9 => DeleteOutcome.Invalid,
        _ => DeleteOutcome.Completed,
    };

    private static ErasureVerdict VerdictOf(DeleteOutcome outcome) => outcome switch
    {
        DeleteOutcome.Completed => ErasureVerdict.Deleted,
        DeleteOutcome.Aborted => ErasureVerdict.Restored,
        _ => ErasureVerdict.Invalid,
    };

    private static string RequestId(int index) => "economy-request-" + index.ToString(CultureInfo.InvariantCulture);

    private const string KeyPrefix = "economy-contact-";

    private static string KeyOf(int index) => KeyPrefix + index.ToString(CultureInfo.InvariantCulture);

    private static int IndexOf(string key) => int.Parse(key.AsSpan(KeyPrefix.Length), CultureInfo.InvariantCulture);
}
