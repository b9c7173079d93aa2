using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Receipts;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Worker;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>Reads a worker's ledger after the fact and checks the promises against the emulator.</summary>
internal static class LedgerAssertions
{
    /// <summary>
    /// Every erasure is closed as deleted with a complete receipt, the emulator received every key of
    /// every erasure exactly once (an erasure's keys all in the request of its operation, however many
    /// erasures shared it), and the ledger verifies.
    /// </summary>
    public static Task<IReadOnlyList<ErasureReceipt>> EveryErasureDeletedOnceAsync(MarketingCloudEmulator emulator, string ledgerPath, string prefix, int count) =>
        EveryErasureDeletedOnceAsync(emulator, ledgerPath, [prefix], count);

    /// <summary>The same over several rounds of erasures, <paramref name="count"/> per prefix, all in one ledger.</summary>
    public static async Task<IReadOnlyList<ErasureReceipt>> EveryErasureDeletedOnceAsync(MarketingCloudEmulator emulator, string ledgerPath, IReadOnlyList<string> prefixes, int count)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddContactsSdk(o => o.ConnectTo(emulator));
        services.AddContactsErasure(o =>
        {
            o.UseSqlite(ledgerPath);
            o.SubjectHashKey = CrashTestSettings.SubjectHashKey;
        });
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<IErasureService>();

        var sent = emulator.Operations.SelectMany(op => op.Request.Keys).ToList();
        var requests = prefixes.SelectMany(prefix => Enumerable.Range(0, count).Select(i => (RequestId: $"{prefix}-{i}", Index: i))).ToList();
        var expected = requests.SelectMany(r => WorkerArguments.KeysOf(r.RequestId, r.Index)).ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(expected.Order(), sent.Order());
        var receipts = new List<ErasureReceipt>();
        foreach (var (requestId, index) in requests)
        {
            var keys = WorkerArguments.KeysOf(requestId, index);
            var operation = Assert.Single(emulator.Operations, op => keys.All(op.Request.Keys.Contains));
            var record = await service.GetAsync(requestId);
            Assert.NotNull(record);
            Assert.Equal((ErasureState.Closed, ErasureVerdict.Deleted, operation.OperationId), (record.State, record.Verdict, record.OperationId));
            var json = await service.ExportReceiptJsonAsync(requestId);
            Assert.DoesNotContain("-contact-", json);
            var receipt = await service.GetReceiptAsync(requestId);
            Assert.Equal((operation.OperationId, keys.Length, ErasureVerdict.Deleted), (receipt.OperationId, receipt.SubjectHashes.Values.Count, receipt.Verdict));
            Assert.NotNull(receipt.AcceptedAt);
            Assert.Equal("Deleted", receipt.Transitions[^1].State);
            Assert.Null(await provider.GetRequiredService<IErasureLedgerStore>().ReadClearSubjectsAsync(record.ErasureId));
            receipts.Add(receipt);
        }
        var verification = await service.VerifyLedgerAsync();
        Assert.True(verification.IsIntact, string.Join("\n", verification.Problems));
        Assert.Equal(requests.Count, verification.ErasuresChecked);
        return receipts;
    }
}
