using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Deadlines;

/// <summary>
/// The deadline check over a real SQLite ledger: each erasure's place in Marketing Cloud's queue, what
/// its observations show, and the gauges that report the result.
/// </summary>
public sealed class DeadlineCheckTests
{
    // Ten hours a call makes the queue position decide: 15 days (14 restorable + 1 delete phase) plus
    // one call fits a 16-day deadline, plus two calls fits, plus three does not.
    /// <summary>Ten-hour calls assumed; a contact per request, so that each erasure here is a call of its own.</summary>
    private static void TenHourCalls(ErasureOptions options)
    {
        options.Deadlines.AssumedDeleteCallDuration = TimeSpan.FromHours(10);
        options.MaxContactsPerDeleteRequest = 1;
    }

    /// <summary>Longer than one call of the emulator's delete queue (30 minutes by default).</summary>
    private static readonly TimeSpan OneCall = TimeSpan.FromMinutes(31);

    [Fact]
    public async Task Erasures_are_at_risk_by_their_place_in_the_queue_and_overdue_once_past_their_due_date()
    {
        await using var harness = await ErasureHarness.StartAsync(configure: TenHourCalls);
        var t0 = harness.Clock.GetUtcNow();
        var queue = new List<ErasureRecord>();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            queue.Add(await harness.Service.SubmitAsync(new ErasureRequest($"custom-{name}", ErasureSubjects.ContactKeys([$"k-{name}"])) { Deadline = ErasureDeadline.Custom(16), ReceivedAt = t0 }));
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var overdue = await harness.Service.SubmitAsync(new ErasureRequest("ccpa-overdue", ErasureSubjects.ContactKeys(["k-e"])) { Deadline = ErasureDeadline.Ccpa, ReceivedAt = t0.AddDays(-50) });

        var check = await harness.Service.CheckDeadlinesAsync();

        Assert.Equal(5, check.Checked);
        Assert.Equal(["custom-c", "custom-d"], check.AtRisk.Select(r => r.Erasure.RequestId));
        Assert.Equal(check.CheckedAt + TimeSpan.FromHours(30) + TimeSpan.FromDays(15), check.AtRisk[0].ProjectedEndAt);
        Assert.Equal(t0.AddDays(16), check.AtRisk[0].DueAt);
        var late = Assert.Single(check.Overdue);
        Assert.Equal((overdue.ErasureId, t0.AddDays(-5)), (late.Erasure.ErasureId, late.DueAt));
        Assert.True(late.ProjectedEndAt > late.DueAt);

        // The first erasure's request is formed, then accepted: it waits at the head of Marketing Cloud's queue, nothing moves.
        await harness.StepAsync(queue[0].ErasureId);
        await harness.StepAsync(queue[0].ErasureId);
        Assert.Equal(ErasureState.Accepted, (await harness.Service.GetAsync("custom-a"))!.State);
        Assert.Equal(["custom-c", "custom-d"], (await harness.Service.CheckDeadlinesAsync()).AtRisk.Select(r => r.Erasure.RequestId));

        // Once it is seen suppressed, its call has left the queue: everyone behind it moves up one.
        harness.Clock.Advance(OneCall);
        await harness.StepAsync(queue[0].ErasureId);
        var moved = await harness.Service.CheckDeadlinesAsync();
        Assert.Equal(["custom-d"], moved.AtRisk.Select(r => r.Erasure.RequestId));
        Assert.Single(moved.Overdue);
    }

    [Fact]
    public async Task A_suppressed_erasure_is_projected_from_when_suppression_was_seen_with_the_observed_restorable_days()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var t0 = harness.Clock.GetUtcNow();
        // Due in 14 days and 12 hours: 14 restorable days and one day of delete phase do not fit.
        var tight = await harness.Service.SubmitAsync(new ErasureRequest("custom-tight", ErasureSubjects.ContactKeys(["k"])) { Deadline = ErasureDeadline.Custom(15), ReceivedAt = t0.AddHours(-12) });
        await harness.StepAsync(tight.ErasureId);
        await harness.StepAsync(tight.ErasureId);
        harness.Clock.Advance(OneCall);
        await harness.StepAsync(tight.ErasureId);
        var suppressedSeenAt = harness.Clock.GetUtcNow();
        harness.Clock.Advance(TimeSpan.FromDays(3));

        var risk = Assert.Single((await harness.Service.CheckDeadlinesAsync()).AtRisk);

        // The emulator reports 14 restorable days; the projection counts them from the observation.
        Assert.Equal(suppressedSeenAt.AddDays(15), risk.ProjectedEndAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Concluded_erasures_are_not_checked_and_a_check_with_nothing_late_reports_nothing()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var done = await harness.Service.SubmitAsync(new ErasureRequest("ccpa-done", ErasureSubjects.ContactKeys(["k-1"])) { Deadline = ErasureDeadline.Ccpa, ReceivedAt = harness.Clock.GetUtcNow().AddDays(-40) });
        await harness.RunToEndAsync(done.ErasureId);
        await harness.Service.SubmitAsync(new ErasureRequest("gdpr-fine", ErasureSubjects.ContactKeys(["k-2"])));

        var check = await harness.Service.CheckDeadlinesAsync();

        Assert.Equal(1, check.Checked);
        Assert.Empty(check.AtRisk);
        Assert.Empty(check.Overdue);
    }

    [Fact]
    public async Task The_gauges_report_the_latest_check_and_fall_silent_when_it_is_stale()
    {
        await using var harness = await ErasureHarness.StartAsync(configure: TenHourCalls);
        var t0 = harness.Clock.GetUtcNow();
        await harness.Service.SubmitAsync(new ErasureRequest("ccpa-overdue", ErasureSubjects.ContactKeys(["k-1"])) { Deadline = ErasureDeadline.Ccpa, ReceivedAt = t0.AddDays(-50) });
        await harness.Service.SubmitAsync(new ErasureRequest("custom-at-risk", ErasureSubjects.ContactKeys(["k-2"])) { Deadline = ErasureDeadline.Custom(3) });
        var gauges = harness.Get<DeadlineGauges>();
        Assert.Empty(Read(gauges));

        gauges.Record(await harness.Service.CheckDeadlinesAsync());

        Assert.Equal(new Dictionary<string, int> { [ErasureDiagnostics.Instruments.DeadlinesOverdue] = 1, [ErasureDiagnostics.Instruments.DeadlinesAtRisk] = 1 }, Read(gauges));
        harness.Clock.Advance(new DeadlineOptions().CheckInterval * 2 + TimeSpan.FromSeconds(1));
        Assert.Empty(Read(gauges));
    }

    private static Dictionary<string, int> Read(DeadlineGauges gauges)
    {
        var values = new Dictionary<string, int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, gauges.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
