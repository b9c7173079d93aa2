using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Receipts;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Lifecycle;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>Whole erasures over loopback against the emulator, on a fake clock shared by both.</summary>
public sealed class ErasureWorkflowTests
{
    [Fact]
    public async Task A_14_day_erasure_by_contact_keys_ends_deleted_with_a_complete_receipt_in_virtual_time()
    {
        // The first read comes before the emulator's one-minute suppression does (a one-minute call in
        // the delete queue), and a delete phase of a few hours is seen even at the longest poll interval.
        await using var harness = await ErasureHarness.StartAsync(
            clock => new EmulatorOptions
            {
                TimeProvider = clock,
                DeletePhaseDuration = TimeSpan.FromHours(3),
                DeleteCallFixedTime = TimeSpan.FromMinutes(1),
                DeleteCallTimePerContact = TimeSpan.Zero,
            },
            o => o.FirstPollDelay = TimeSpan.FromSeconds(20));
        var started = harness.Clock.GetUtcNow();

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-1001", ErasureSubjects.ContactKeys(["alice-key", "bob-key"])));
        await harness.RunToEndAsync(submitted.ErasureId);

        var record = await harness.Service.GetAsync("gdpr-1001");
        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal((ErasureState.Closed, ErasureVerdict.Deleted, operation.OperationId), (record!.State, record.Verdict, record.OperationId));
        Assert.True(harness.Clock.GetUtcNow() - started >= TimeSpan.FromDays(14));
        Assert.Null(await harness.Store.ReadClearSubjectsAsync(record.ErasureId));

        var json = await harness.Service.ExportReceiptJsonAsync("gdpr-1001");
        var receipt = await harness.Service.GetReceiptAsync("gdpr-1001");
        Assert.DoesNotContain("alice-key", json);
        Assert.DoesNotContain("bob-key", json);
        Assert.Equal(ErasureReceipt.SchemaV1, receipt.Schema);
        Assert.Equal((2, 2, "HMAC-SHA256"), (receipt.SubjectCount, receipt.SubjectHashes.Values.Count, receipt.SubjectHashes.Algorithm));
        Assert.All(receipt.SubjectHashes.Values, hash => Assert.Matches("^[0-9a-f]{64}$", hash));
        Assert.Equal(operation.OperationId, receipt.OperationId);
        Assert.Equal(new AccountId(harness.Emulator.Credentials.AccountId), receipt.AccountId);
        Assert.Equal(1, receipt.Attempts);
        Assert.Equal(14, receipt.NumberOfRestorableDays);
        Assert.NotNull(receipt.AcceptedAt);
        Assert.NotEmpty(receipt.ServiceMessageIds);
        Assert.Equal(["SuppressionPending", "Suppressed", "Deleting", "Deleted"], receipt.Transitions.Select(t => t.State).Distinct());
        Assert.Equal("Completed", receipt.Transitions[^1].BackgroundOperationStatuses![^1]);
        Assert.All(receipt.Transitions, t => Assert.NotNull(t.ResponseDateTime));
        Assert.Empty(receipt.Events);
        Assert.Contains("ContactsSdk.Erasure", receipt.SdkVersion);
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
        // Backoff while nothing changes: about one read per longest interval (1 h), not one per minute (20,160).
        var elapsedHours = (int)(harness.Clock.GetUtcNow() - started).TotalHours;
        Assert.InRange(harness.Emulator.Statistics.StatusRequests, 4, elapsedHours + 20);
    }

    [Theory]
    [InlineData(DeleteOutcome.Aborted, ErasureVerdict.Restored)]
    [InlineData(DeleteOutcome.Invalid, ErasureVerdict.Invalid)]
    public async Task The_verdict_follows_the_generated_interpretation_of_the_delete_phase(DeleteOutcome outcome, ErasureVerdict expected)
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, OutcomeSelector = _ => outcome });

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-outcome", ErasureSubjects.ContactIds([101, 102, 103])));
        await harness.RunToEndAsync(submitted.ErasureId);

        var receipt = await harness.Service.GetReceiptAsync("gdpr-outcome");
        Assert.Equal(expected, receipt.Verdict);
        Assert.Equal(3, harness.Emulator.Operations[0].Request.Ids.Count);
    }

    [Fact]
    public async Task A_delete_processed_but_unanswered_is_reconciled_through_the_analytics_route_and_never_resent()
    {
        await using var harness = await ErasureHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-lost-answer", ErasureSubjects.ContactKeys(["carol-key"])));
        await harness.RunToEndAsync(submitted.ErasureId);

        var operation = Assert.Single(harness.Emulator.Operations);
        var receipt = await harness.Service.GetReceiptAsync("gdpr-lost-answer");
        Assert.Equal((ErasureVerdict.Deleted, operation.OperationId, 1), (receipt.Verdict, receipt.OperationId, receipt.Attempts));
        Assert.Equal([EntryKinds.OutcomeUnknown, EntryKinds.Reconciled], receipt.Events.Select(e => e.Kind));
        Assert.Equal(operation.OperationId, receipt.Events[1].OperationId);
    }

    [Fact]
    public async Task A_delete_lost_before_processing_is_resent_only_after_the_analytics_route_proves_it_was_not_received()
    {
        await using var harness = await ErasureHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionBeforeProcessing());

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-lost-request", ErasureSubjects.ContactKeys(["dave-key"])));
        var intentAt = harness.Clock.GetUtcNow();
        // First wake-ups: intent, send (connection dropped), outcome unknown, a look that is too early to prove anything.
        var next = await harness.StepAsync(submitted.ErasureId);
        while (next is { } at && at <= harness.Clock.GetUtcNow())
        {
            next = await harness.StepAsync(submitted.ErasureId);
        }
        Assert.Equal(ErasureState.Reconciling, (await harness.Service.GetAsync("gdpr-lost-request"))!.State);
        Assert.Equal(intentAt + TimeSpan.FromMinutes(5), next);
        Assert.Empty(harness.Emulator.Operations);

        await harness.RunToEndAsync(submitted.ErasureId);

        Assert.Single(harness.Emulator.Operations);
        var receipt = await harness.Service.GetReceiptAsync("gdpr-lost-request");
        Assert.Equal((ErasureVerdict.Deleted, 2), (receipt.Verdict, receipt.Attempts));
        Assert.Equal([EntryKinds.OutcomeUnknown, EntryKinds.NotReceived], receipt.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_request_refused_before_processing_is_recorded_with_its_error_code_and_sent_again_later()
    {
        await using var harness = await ErasureHarness.StartAsync(configure: o => o.RetryDelay = TimeSpan.FromMinutes(2));
        // 50200 "temporarily blocked" has no Retry-After; the client does not retry it, the workflow does later.
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.QuotaExceeded(), times: 4);

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-blocked", ErasureSubjects.ContactKeys(["erin-key"])));
        await harness.RunToEndAsync(submitted.ErasureId, tickWhileWaiting: true);

        var receipt = await harness.Service.GetReceiptAsync("gdpr-blocked");
        Assert.Single(harness.Emulator.Operations);
        Assert.Equal(ErasureVerdict.Deleted, receipt.Verdict);
        var refusal = Assert.Single(receipt.Events);
        Assert.Equal((EntryKinds.NotProcessed, 429, 50200), (refusal.Kind, refusal.HttpStatus, refusal.ErrorCode));
        Assert.Equal(2, receipt.Attempts);
    }

    [Fact]
    public async Task Two_requests_never_have_unknown_fates_at_the_same_time()
    {
        // Keys and IDs cannot share a request: two erasures, two requests of one contact each.
        await using var harness = await ErasureHarness.StartAsync(configure: o => o.MaxDeleteRequestsInQueue = 2);
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());
        var first = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-slot-1", ErasureSubjects.ContactKeys(["k1"])));
        var second = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-slot-2", ErasureSubjects.ContactIds([42])));

        // The first forms its request, sends it, loses the answer and starts reconciling (holding the send slot).
        await harness.StepAsync(first.ErasureId);
        await harness.StepAsync(first.ErasureId);
        Assert.Equal(ErasureState.Reconciling, (await harness.Service.GetAsync("gdpr-slot-1"))!.State);
        // The second, with the same contact count, must wait: its request could be mistaken for the first's.
        var wait = await harness.StepAsync(second.ErasureId);
        Assert.Equal((ErasureState.ReadyToSend, 1), ((await harness.Service.GetAsync("gdpr-slot-2"))!.State, harness.Emulator.Operations.Count));
        Assert.True(wait > harness.Clock.GetUtcNow());

        await harness.RunToEndAsync(first.ErasureId);
        await harness.RunToEndAsync(second.ErasureId);
        var ops = harness.Emulator.Operations;
        Assert.Equal(2, ops.Count);
        Assert.NotEqual((await harness.Service.GetAsync("gdpr-slot-1"))!.OperationId, (await harness.Service.GetAsync("gdpr-slot-2"))!.OperationId);
    }
}
