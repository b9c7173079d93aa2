using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// A shared request whose answer was lost, when another system sent a request of the same size in the
/// same minutes: the workflow never guesses; it records the candidates, lists the request as waiting for
/// a person, and goes on with the operation the person names, or sends again when they say none is it.
/// </summary>
public sealed class ReconciliationDecisionTests
{
    [Fact]
    public async Task An_ambiguous_request_waits_for_a_person_and_goes_on_with_the_operation_they_name()
    {
        await using var harness = await ErasureHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());
        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-ambiguous", ErasureSubjects.ContactKeys(["ambiguous-key"])));

        var pending = await WaitForDecisionAsync(harness, submitted.ErasureId);

        var own = harness.Emulator.Operations.Single(o => o.Request.Keys.Contains("ambiguous-key")).OperationId;
        Assert.Equal(("gdpr-ambiguous", 1L), (pending.RequestId, pending.ContactCount));
        Assert.Equal(["gdpr-ambiguous"], pending.Members);
        Assert.Equal(2, pending.CandidateOperationIds.Count);
        Assert.Contains(own, pending.CandidateOperationIds);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.ResolveReconciliationAsync("gdpr-ambiguous", 999_999, "operator@example.test"));

        await harness.Service.ResolveReconciliationAsync("gdpr-ambiguous", own, "operator@example.test");
        Assert.Empty(await harness.Service.ListPendingReconciliationsAsync());
        await harness.RunToEndAsync(submitted.ErasureId);

        var receipt = await harness.Service.GetReceiptAsync("gdpr-ambiguous");
        Assert.Equal((ErasureVerdict.Deleted, own, 1), (receipt.Verdict, receipt.OperationId, receipt.Attempts));
        Assert.Equal(2, harness.Emulator.Operations.Count);
        // Who decided is in the ledger entry, and nowhere in the receipt.
        var entries = await harness.Store.ReadEntriesAsync(submitted.ErasureId);
        Assert.Contains(entries, e => e.Kind == EntryKinds.ReconciliationDecided && e.Payload.Contains("operator@example.test", StringComparison.Ordinal));
        Assert.DoesNotContain("operator@example.test", await harness.Service.ExportReceiptJsonAsync("gdpr-ambiguous"));
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Service.ResolveReconciliationAsync("gdpr-ambiguous", null, "operator@example.test"));
    }

    [Fact]
    public async Task When_the_person_says_none_is_it_the_erasure_is_sent_again()
    {
        await using var harness = await ErasureHarness.StartAsync();
        // Lost before processing: the two candidates are both someone else's.
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionBeforeProcessing());
        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-none-matches", ErasureSubjects.ContactKeys(["none-key"])));

        var pending = await WaitForDecisionAsync(harness, submitted.ErasureId, foreignRequests: 2);
        Assert.Equal(2, pending.CandidateOperationIds.Count);

        await harness.Service.ResolveReconciliationAsync("gdpr-none-matches", null, "operator@example.test");
        await harness.RunToEndAsync(submitted.ErasureId);

        var receipt = await harness.Service.GetReceiptAsync("gdpr-none-matches");
        Assert.Equal((ErasureVerdict.Deleted, 2), (receipt.Verdict, receipt.Attempts));
        Assert.Equal([EntryKinds.OutcomeUnknown, EntryKinds.NotReceived], receipt.Events.Select(e => e.Kind));
        Assert.Single(harness.Emulator.Operations, o => o.Request.Keys.Contains("none-key"));
    }

    /// <summary>
    /// Runs the erasure's steps until its request's outcome is unknown, has another system send
    /// <paramref name="foreignRequests"/> requests of the same size, and steps on until the request waits for a decision.
    /// </summary>
    private static async Task<PendingReconciliation> WaitForDecisionAsync(ErasureHarness harness, Guid erasureId, int foreignRequests = 1)
    {
        for (var step = 0; step < 10 && (await harness.Store.FindAsync(erasureId))!.State != ErasureState.Reconciling; step++)
        {
            await harness.StepAsync(erasureId);
        }
        Assert.Equal(ErasureState.Reconciling, (await harness.Store.FindAsync(erasureId))!.State);
        var client = harness.Get<ContactsClient>();
        for (var i = 0; i < foreignRequests; i++)
        {
            await client.StartDeletionByKeysAsync(["someone-elses-key-" + i]);
        }
        for (var step = 0; step < 20; step++)
        {
            if ((await harness.Service.ListPendingReconciliationsAsync()).SingleOrDefault() is { } pending)
            {
                return pending;
            }
            if (await harness.StepAsync(erasureId) is { } next && next > harness.Clock.GetUtcNow())
            {
                harness.Clock.SetUtcNow(next);
            }
        }
        throw new InvalidOperationException("The request never waited for a decision.");
    }
}
