using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Lifecycle;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Deadlines;

/// <summary>Deadlines through <see cref="IErasureService"/>: at submission, extended, in receipts and the CSV; a real SQLite ledger and the emulator.</summary>
public sealed class DeadlineServiceTests
{
    private const string PersonalReason = "Jane Doe sent a second request by post";

    [Fact]
    public async Task The_regime_received_at_and_due_date_are_recorded_in_the_submitted_entry_and_the_row()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var now = harness.Clock.GetUtcNow();
        var receivedInBerlin = new DateTimeOffset(2026, 1, 31, 18, 0, 0, TimeSpan.FromHours(1));

        var gdpr = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-received", ErasureSubjects.ContactKeys(["k-1"])) { ReceivedAt = receivedInBerlin });
        var byDefault = await harness.Service.SubmitAsync(new ErasureRequest("default-deadline", ErasureSubjects.ContactKeys(["k-2"])));
        var custom = await harness.Service.SubmitAsync(new ErasureRequest("custom-deadline", ErasureSubjects.ContactIds([42])) { Deadline = ErasureDeadline.Custom(10) });

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 17, 0, 0, TimeSpan.Zero), gdpr.DueAt);
        Assert.Equal(gdpr, await harness.Store.FindAsync(gdpr.ErasureId));
        Assert.Equal(now.AddMonths(1), byDefault.DueAt);
        Assert.Equal(now.AddDays(10), (await harness.Service.GetAsync("custom-deadline"))!.DueAt);
        var submitted = LedgerJson.Read<SubmittedPayload>((await harness.Store.ReadEntriesAsync(gdpr.ErasureId))[0].Payload);
        Assert.Equal((DeadlineRegime.Gdpr, (int?)null), (submitted.Deadline, submitted.DeadlineDays));
        Assert.Equal(receivedInBerlin, submitted.ReceivedAt);
        Assert.Equal(TimeSpan.FromHours(1), submitted.ReceivedAt!.Value.Offset);
        Assert.Equal(gdpr.DueAt, submitted.DueAt);

        var summary = await harness.Service.GetDeadlineAsync("gdpr-received");
        Assert.Equal(DeadlineRegime.Gdpr, summary!.Regime);
        Assert.Equal((gdpr.DueAt, gdpr.DueAt), (summary.OriginalDueAt, summary.DueAt));
        Assert.Equal(new DateTimeOffset(2026, 4, 28, 18, 0, 0, TimeSpan.FromHours(1)), summary.LatestPermittedDueAt);
        Assert.Empty(summary.Extensions);
        Assert.Null(summary.Met);
        var customSummary = await harness.Service.GetDeadlineAsync("custom-deadline");
        Assert.Equal((DeadlineRegime.Custom, (int?)10, now, (DateTimeOffset?)null), (customSummary!.Regime, customSummary.CustomDays, customSummary.ReceivedAt, customSummary.LatestPermittedDueAt));
    }

    [Fact]
    public async Task A_received_at_in_the_future_or_more_than_a_year_ago_is_refused_and_nothing_is_recorded()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var now = harness.Clock.GetUtcNow();

        var future = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SubmitAsync(
            new ErasureRequest("from-the-future", ErasureSubjects.ContactKeys(["k"])) { ReceivedAt = now.AddMinutes(1) }));
        var ancient = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SubmitAsync(
            new ErasureRequest("ancient", ErasureSubjects.ContactKeys(["k"])) { ReceivedAt = now.AddDays(-367) }));

        Assert.Contains("later than now", future.Message);
        Assert.Contains("more than 366 days ago", ancient.Message);
        Assert.Empty(await harness.Service.ListAsync(new ErasureListQuery()));
        // A year ago exactly is still a request, overdue but real.
        var late = await harness.Service.SubmitAsync(new ErasureRequest("a-year-late", ErasureSubjects.ContactKeys(["k"])) { ReceivedAt = now.AddDays(-365) });
        Assert.True(late.DueAt < now);
        Assert.Empty(harness.Emulator.Operations);
    }

    [Fact]
    public async Task A_request_ID_submitted_again_with_another_deadline_is_refused_and_without_one_returns_the_erasure()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var received = harness.Clock.GetUtcNow().AddDays(-3);
        var request = new ErasureRequest("ccpa-again", ErasureSubjects.ContactKeys(["k"])) { Deadline = ErasureDeadline.Ccpa, ReceivedAt = received };
        var first = await harness.Service.SubmitAsync(request);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(first.ErasureId, (await harness.Service.SubmitAsync(request)).ErasureId);
        Assert.Equal(first.ErasureId, (await harness.Service.SubmitAsync(request with { Deadline = null, ReceivedAt = null })).ErasureId);
        var otherRegime = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SubmitAsync(request with { Deadline = ErasureDeadline.Gdpr }));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SubmitAsync(request with { ReceivedAt = received.AddDays(1) }));

        Assert.Contains("extend the deadline", otherRegime.Message);
        Assert.Equal(first, await harness.Service.GetAsync("ccpa-again"));
    }

    [Fact]
    public async Task An_extension_is_a_chained_entry_that_moves_the_due_date_and_its_text_stays_in_the_ledger_only()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var received = harness.Clock.GetUtcNow().AddDays(-40);
        var erasure = await harness.Service.SubmitAsync(new ErasureRequest("ccpa-extended", ErasureSubjects.ContactKeys(["secret-key"])) { Deadline = ErasureDeadline.Ccpa, ReceivedAt = received });

        var extended = await harness.Service.ExtendDeadlineAsync("ccpa-extended", received.AddDays(90), DeadlineExtensionReason.Other, PersonalReason);

        Assert.Equal(received.AddDays(90), extended.DueAt);
        Assert.Equal(extended, await harness.Store.FindAsync(erasure.ErasureId));
        var entry = (await harness.Store.ReadEntriesAsync(erasure.ErasureId))[^1];
        Assert.Equal(EntryKinds.DeadlineExtended, entry.Kind);
        var payload = LedgerJson.Read<DeadlineExtendedPayload>(entry.Payload);
        Assert.Equal((received.AddDays(45), received.AddDays(90), DeadlineExtensionReason.Other, PersonalReason), (payload.PreviousDueAt, payload.NewDueAt, payload.Reason, payload.ReasonText));
        Assert.True((await harness.Service.VerifyAsync("ccpa-extended")).IsIntact);

        await harness.RunToEndAsync(erasure.ErasureId);
        var receipt = await harness.Service.GetReceiptAsync("ccpa-extended");
        var deadline = receipt.Deadline!;
        Assert.Equal((DeadlineRegime.Ccpa, received.AddDays(45), received.AddDays(90)), (deadline.Regime, deadline.OriginalDueAt, deadline.DueAt));
        var extension = Assert.Single(deadline.Extensions);
        Assert.Equal((received.AddDays(45), received.AddDays(90), DeadlineExtensionReason.Other, entry.RecordedAt), (extension.PreviousDueAt, extension.NewDueAt, extension.Reason, extension.At));
        Assert.True(deadline.Met);
        Assert.DoesNotContain("Jane", await harness.Service.ExportReceiptJsonAsync("ccpa-extended"));
        var csv = await CsvAsync(harness);
        Assert.DoesNotContain("Jane", csv);
        Assert.EndsWith($",{received.AddDays(90).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'},true", csv.Split('\n')[1].TrimEnd('\r'));
    }

    [Fact]
    public async Task An_extension_beyond_the_legal_maximum_not_later_or_without_a_reason_is_refused_and_writes_nothing()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var received = harness.Clock.GetUtcNow().AddDays(-10);
        var erasure = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-limits", ErasureSubjects.ContactKeys(["k"])) { ReceivedAt = received });
        var latest = ErasureDeadline.Gdpr.LatestPermittedDueAt(received)!.Value;

        var beyond = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.ExtendDeadlineAsync("gdpr-limits", latest.AddMinutes(1), DeadlineExtensionReason.Complexity));
        var earlier = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.ExtendDeadlineAsync("gdpr-limits", erasure.DueAt!.Value, DeadlineExtensionReason.Complexity));
        var noWords = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.ExtendDeadlineAsync("gdpr-limits", latest, DeadlineExtensionReason.Other, " "));
        var control = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.ExtendDeadlineAsync("gdpr-limits", latest, DeadlineExtensionReason.Other, "Jane\u0007"));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.ExtendDeadlineAsync("gdpr-limits", latest, DeadlineExtensionReason.Other, new string('x', 1001)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Service.ExtendDeadlineAsync("gdpr-limits", latest, (DeadlineExtensionReason)99));
        await Assert.ThrowsAsync<ErasureNotFoundException>(() => harness.Service.ExtendDeadlineAsync("gdpr-unknown", latest, DeadlineExtensionReason.Complexity));

        Assert.Contains("at most", beyond.Message);
        Assert.Contains("not later than the current one", earlier.Message);
        Assert.DoesNotContain("Jane", control.Message);
        Assert.Equal(erasure, await harness.Service.GetAsync("gdpr-limits"));
        Assert.Single(await harness.Store.ReadEntriesAsync(erasure.ErasureId));

        // Within the maximum, in two steps: the second one runs from the first one's date.
        await harness.Service.ExtendDeadlineAsync("gdpr-limits", erasure.DueAt!.Value.AddMonths(1), DeadlineExtensionReason.NumberOfRequests);
        var last = await harness.Service.ExtendDeadlineAsync("gdpr-limits", latest, DeadlineExtensionReason.Complexity, "Two systems to search");
        Assert.Equal(latest, last.DueAt);
        Assert.Equal(2, (await harness.Service.GetDeadlineAsync("gdpr-limits"))!.Extensions.Count);
    }

    [Fact]
    public async Task A_custom_deadline_may_be_extended_past_three_months_and_an_ended_erasure_not_at_all()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var custom = await harness.Service.SubmitAsync(new ErasureRequest("custom-long", ErasureSubjects.ContactKeys(["k-1"])) { Deadline = ErasureDeadline.Custom(5) });
        var ended = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-ended", ErasureSubjects.ContactKeys(["k-2"])));

        Assert.Equal(custom.SubmittedAt.AddYears(1), (await harness.Service.ExtendDeadlineAsync("custom-long", custom.SubmittedAt.AddYears(1), DeadlineExtensionReason.Complexity)).DueAt);
        await harness.RunToEndAsync(ended.ErasureId);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Service.ExtendDeadlineAsync("gdpr-ended", ended.DueAt!.Value.AddDays(1), DeadlineExtensionReason.Complexity));

        Assert.Contains("has ended (Deleted)", error.Message);
        Assert.Equal(ErasureState.Closed, (await harness.Service.GetAsync("gdpr-ended"))!.State);
    }

    [Fact]
    public async Task Verify_names_an_erasure_whose_row_due_date_was_edited_to_look_met()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var late = await harness.Service.SubmitAsync(new ErasureRequest("ccpa-edited", ErasureSubjects.ContactKeys(["k-1"])) { Deadline = ErasureDeadline.Ccpa, ReceivedAt = harness.Clock.GetUtcNow().AddDays(-40) });
        var extended = await harness.Service.SubmitAsync(new ErasureRequest("ccpa-honest", ErasureSubjects.ContactKeys(["k-2"])) { Deadline = ErasureDeadline.Ccpa });
        await harness.Service.ExtendDeadlineAsync("ccpa-honest", extended.DueAt!.Value.AddDays(10), DeadlineExtensionReason.Complexity);
        await harness.RunToEndAsync(late.ErasureId);
        Assert.False((await harness.Service.GetAsync("ccpa-edited"))!.DeadlineMet);
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);

        await harness.ExecuteSqlAsync($"UPDATE erasures SET due_at = due_at + 864000000 WHERE erasure_id = '{late.ErasureId}'");

        Assert.True((await harness.Service.GetAsync("ccpa-edited"))!.DeadlineMet);
        var problem = Assert.Single((await harness.Service.VerifyLedgerAsync()).Problems);
        Assert.Equal("ccpa-edited", problem.RequestId);
        Assert.Equal("due_at", problem.Column);
        Assert.Contains("the erasure row's due_at is", problem.Reason);
    }

    [Fact]
    public async Task An_extension_while_the_erasure_rides_a_request_in_flight_never_loses_the_answer()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var lead = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-lead", ErasureSubjects.ContactKeys(["k-1"])));
        var rider = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-rider", ErasureSubjects.ContactKeys(["k-2"])));
        // The lead forms the shared request: both record their intent and are Sending.
        await harness.StepAsync(lead.ErasureId);
        Assert.Equal(ErasureState.Sending, (await harness.Service.GetAsync("gdpr-rider"))!.State);

        // The operator extends the rider's deadline between the intent and the answer.
        var extended = await harness.Service.ExtendDeadlineAsync("gdpr-rider", rider.DueAt!.Value.AddDays(10), DeadlineExtensionReason.Complexity);
        await harness.StepAsync(lead.ErasureId);

        // The answer is recorded for both, the rider's extension kept: no reconciliation, one request.
        var operation = Assert.Single(harness.Emulator.Operations);
        foreach (var requestId in new[] { "gdpr-lead", "gdpr-rider" })
        {
            var record = (await harness.Service.GetAsync(requestId))!;
            Assert.Equal((ErasureState.Accepted, operation.OperationId), (record.State, record.OperationId));
            Assert.DoesNotContain(await harness.Store.ReadEntriesAsync(record.ErasureId), e => e.Kind == EntryKinds.OutcomeUnknown);
        }
        Assert.Equal(extended.DueAt, (await harness.Service.GetAsync("gdpr-rider"))!.DueAt);
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
    }

    [Fact]
    public async Task Receipts_and_the_CSV_say_for_each_verdict_whether_the_deadline_was_met()
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            OutcomeSelector = request => request.Keys[0].StartsWith("aborted", StringComparison.Ordinal) ? DeleteOutcome.Aborted : DeleteOutcome.Completed,
        });
        var now = harness.Clock.GetUtcNow();
        var onTime = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-on-time", ErasureSubjects.ContactKeys(["k-1"])));
        // Due in five days; the emulator's deletion takes fourteen.
        var late = await harness.Service.SubmitAsync(new ErasureRequest("ccpa-late", ErasureSubjects.ContactKeys(["k-2"])) { Deadline = ErasureDeadline.Ccpa, ReceivedAt = now.AddDays(-40) });
        foreach (var erasure in new[] { onTime, late })
        {
            await harness.RunToEndAsync(erasure.ErasureId);
        }
        // Submitted after the others were sent (so it rides a request of its own, which the emulator
        // aborts), a year is time enough: restored in time, and still not met.
        var restored = await harness.Service.SubmitAsync(new ErasureRequest("custom-restored", ErasureSubjects.ContactKeys(["aborted-k-3"])) { Deadline = ErasureDeadline.Custom(366) });
        await harness.RunToEndAsync(restored.ErasureId);

        Assert.True((await harness.Service.GetReceiptAsync("gdpr-on-time")).Deadline!.Met);
        var lateReceipt = await harness.Service.GetReceiptAsync("ccpa-late");
        Assert.Equal(ErasureVerdict.Deleted, lateReceipt.Verdict);
        Assert.True(lateReceipt.ConcludedAt > lateReceipt.Deadline!.DueAt);
        Assert.False(lateReceipt.Deadline.Met);
        var restoredReceipt = await harness.Service.GetReceiptAsync("custom-restored");
        Assert.Equal(ErasureVerdict.Restored, restoredReceipt.Verdict);
        Assert.True(restoredReceipt.ConcludedAt <= restoredReceipt.Deadline!.DueAt);
        Assert.False(restoredReceipt.Deadline.Met);

        var lines = (await CsvAsync(harness)).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.EndsWith(",due_at_utc,deadline_met", lines[0]);
        Assert.EndsWith(",true", lines.Single(l => l.StartsWith("gdpr-on-time,", StringComparison.Ordinal)));
        Assert.EndsWith(",false", lines.Single(l => l.StartsWith("ccpa-late,", StringComparison.Ordinal)));
        Assert.EndsWith(",false", lines.Single(l => l.StartsWith("custom-restored,", StringComparison.Ordinal)));
    }

    private static async Task<string> CsvAsync(ErasureHarness harness)
    {
        using var writer = new StringWriter();
        await harness.Service.ExportCsvAsync(DateTimeOffset.UnixEpoch, harness.Clock.GetUtcNow().AddDays(1), writer);
        return writer.ToString();
    }
}
