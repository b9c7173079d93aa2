using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// A ledger upgraded to shared requests while an erasure was sending alone (the version before
/// batches recorded the intent on the erasure and gave it the send slot): its request is reconciled,
/// never sent again.
/// </summary>
public sealed class UnbatchedSendUpgradeTests
{
    [Fact]
    public async Task An_erasure_caught_sending_alone_by_the_upgrade_is_reconciled_and_not_sent_again()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var record = await harness.Service.SubmitAsync(new ErasureRequest("upgrade-1", ErasureSubjects.ContactKeys(["upgrade-key-1", "upgrade-key-2"])));
        // What the version before batches wrote: the intent on the erasure itself, holding the send slot…
        var ledger = harness.Get<ErasureLedger>();
        var (result, _) = await ledger.AppendAsync(record, EntryKinds.IntentToSend, new IntentPayload(1, "keys", 2), ErasureState.Sending, null, CancellationToken.None);
        Assert.Equal(AppendResult.Appended, result);
        // (this version has no write that gives the slot to an erasure: the row is set as that version left it)
        await harness.ExecuteSqlAsync($"UPDATE erasure_send_slot SET holder = '{record.ErasureId:D}', since = 0 WHERE slot = 1");
        // …then the request went out and the worker died before recording the answer.
        await harness.Get<ContactsClient>().StartDeletionByKeysAsync(["upgrade-key-1", "upgrade-key-2"]);

        await harness.RunToEndAsync(record.ErasureId);

        var operation = Assert.Single(harness.Emulator.Operations);
        var closed = (await harness.Service.GetAsync("upgrade-1"))!;
        Assert.Equal((ErasureState.Closed, ErasureVerdict.Deleted, operation.OperationId), (closed.State, closed.Verdict, closed.OperationId));
        var kinds = (await harness.Store.ReadEntriesAsync(record.ErasureId)).Select(e => e.Kind).ToList();
        Assert.Equal(["submitted", "intent-to-send", "outcome-unknown", "reconciled"], kinds.Take(4));
        // The slot the erasure held was its batch's, and is free again: a new erasure sends at once.
        var next = await harness.Service.SubmitAsync(new ErasureRequest("upgrade-2", ErasureSubjects.ContactKeys(["upgrade-key-3"])));
        await harness.RunToEndAsync(next.ErasureId);
        Assert.Equal(2, harness.Emulator.Operations.Count);
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
    }
}
