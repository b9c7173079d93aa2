using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// Erasures ready to send for the same MID and subject kind ride one delete request, because Marketing
/// Cloud processes one delete call at a time. Over loopback against the emulator, on a fake clock.
/// </summary>
public sealed class SharedRequestTests
{
    [Fact]
    public async Task Six_erasures_ride_one_delete_request_and_each_keeps_its_own_receipt()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var erasures = await SubmitKeysAsync(harness, "shared", count: 6, keysEach: 2);

        await RunAllToEndAsync(harness, erasures);

        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(12, operation.Request.Keys.Count);
        var batchIds = new HashSet<Guid>();
        foreach (var (requestId, keys) in erasures)
        {
            var record = (await harness.Service.GetAsync(requestId))!;
            Assert.Equal((ErasureState.Closed, ErasureVerdict.Deleted, operation.OperationId), (record.State, record.Verdict, record.OperationId));
            var receipt = await harness.Service.GetReceiptAsync(requestId);
            var batch = Assert.IsType<Receipts.ReceiptBatch>(receipt.Batch);
            Assert.Equal((6, 12), (batch.ErasureCount, batch.ContactCount));
            // What the delete-operations list reported once the call was processed: the whole request's counts.
            Assert.Equal(("Completed", 12L, 0L), (batch.ListStatus, batch.SuccessCount, batch.ErrorCount));
            Assert.NotNull(batch.RestorableUntil);
            batchIds.Add(batch.BatchId);
            // Only its own two hashes: never another erasure's.
            Assert.Equal(2, receipt.SubjectHashes.Values.Count);
            var json = await harness.Service.ExportReceiptJsonAsync(requestId);
            Assert.All(erasures.SelectMany(e => e.Keys), key => Assert.DoesNotContain(key, json));
        }
        Assert.Single(batchIds);
        var allHashes = new List<string>();
        foreach (var (requestId, _) in erasures)
        {
            allHashes.AddRange((await harness.Service.GetReceiptAsync(requestId)).SubjectHashes.Values);
        }
        Assert.Equal(12, allHashes.Distinct().Count());
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
    }

    [Fact]
    public async Task A_request_carries_at_most_the_configured_contacts_and_a_larger_erasure_rides_alone()
    {
        await using var harness = await ErasureHarness.StartAsync(configure: o => o.MaxContactsPerDeleteRequest = 5);
        var erasures = await SubmitKeysAsync(harness, "limit", count: 5, keysEach: 2);
        var large = await harness.Service.SubmitAsync(new ErasureRequest("limit-large", ErasureSubjects.ContactKeys(Enumerable.Range(0, 7).Select(k => $"limit-large-{k}"))));

        await RunAllToEndAsync(harness, [.. erasures, ("limit-large", [])]);

        var operations = harness.Emulator.Operations;
        Assert.All(operations.Where(o => !o.Request.Keys.Any(k => k.StartsWith("limit-large-", StringComparison.Ordinal))),
            o => Assert.InRange(o.Request.Keys.Count, 1, 5));
        Assert.Equal(7, Assert.Single(operations, o => o.Request.Keys.Any(k => k.StartsWith("limit-large-", StringComparison.Ordinal))).Request.Keys.Count);
        AssertEveryKeySentOnce(harness, erasures.SelectMany(e => e.Keys).Concat(Enumerable.Range(0, 7).Select(k => $"limit-large-{k}")));
        Assert.Equal(ErasureVerdict.Deleted, (await harness.Service.GetAsync(large.RequestId))!.Verdict);
    }

    [Fact]
    public async Task Contact_keys_and_contact_ids_never_share_a_request()
    {
        await using var harness = await ErasureHarness.StartAsync(configure: o => o.MaxDeleteRequestsInQueue = 2);
        var byKey = await harness.Service.SubmitAsync(new ErasureRequest("kind-keys", ErasureSubjects.ContactKeys(["kind-key-1"])));
        var byId = await harness.Service.SubmitAsync(new ErasureRequest("kind-ids", ErasureSubjects.ContactIds([4711, 4712])));

        await RunAllToEndAsync(harness, [("kind-keys", []), ("kind-ids", [])]);

        Assert.Equal(2, harness.Emulator.Operations.Count);
        Assert.Single(harness.Emulator.Operations, o => o.Request.Keys.SequenceEqual(["kind-key-1"]) && o.Request.Ids.Count == 0);
        Assert.Single(harness.Emulator.Operations, o => o.Request.Ids.SequenceEqual([4711L, 4712L]) && o.Request.Keys.Count == 0);
        Assert.NotEqual((await harness.Service.GetAsync("kind-keys"))!.OperationId, (await harness.Service.GetAsync("kind-ids"))!.OperationId);
        Assert.NotEqual(byKey.ErasureId, byId.ErasureId);
    }

    [Fact]
    public async Task A_refused_request_is_halved_until_the_refusing_erasure_rides_alone_and_only_it_fails()
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            RefusedContactKeys = new HashSet<string> { "refused-3-contact-0" },
        });
        var erasures = await SubmitKeysAsync(harness, "refused", count: 7, keysEach: 1);

        await RunAllToEndAsync(harness, erasures);

        var failed = (await harness.Service.GetAsync("refused-3"))!;
        Assert.Equal((ErasureState.Closed, ErasureVerdict.FailedToStart, null), (failed.State, failed.Verdict, failed.OperationId));
        var receipt = await harness.Service.GetReceiptAsync("refused-3");
        Assert.Contains(receipt.Events, e => e.Kind == "refused" && e.ResultCodes!.Contains("ContactNotProcessable"));
        Assert.Equal(1, Assert.IsType<Receipts.ReceiptBatch>(receipt.Batch).ErasureCount);
        foreach (var (requestId, _) in erasures.Where(e => e.RequestId != "refused-3"))
        {
            Assert.Equal(ErasureVerdict.Deleted, (await harness.Service.GetAsync(requestId))!.Verdict);
        }
        // Every other contact reached Marketing Cloud exactly once; the refused one never did.
        AssertEveryKeySentOnce(harness, erasures.Where(e => e.RequestId != "refused-3").SelectMany(e => e.Keys));
        // 7 -> 3 + 4 -> the 4 with the refused one -> 2 + 2 -> 1 + 1: at most log2(7) + 1 levels of refusal.
        Assert.InRange(harness.Emulator.Statistics.RequestsTo(EmulatorRoute.Delete), 4, 8);
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
    }

    [Fact]
    public async Task Erasures_that_arrive_while_a_request_waits_in_the_queue_ride_the_next_request_together()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var first = await harness.Service.SubmitAsync(new ErasureRequest("queue-0", ErasureSubjects.ContactKeys(["queue-0-contact"])));
        // Form and send the first request; its call is now in Marketing Cloud's queue.
        await harness.StepAsync(first.ErasureId);
        await harness.StepAsync(first.ErasureId);
        Assert.Single(harness.Emulator.Operations);
        var later = await SubmitKeysAsync(harness, "queue-later", count: 4, keysEach: 1);

        // Nothing goes out while the first call waits in the queue.
        foreach (var (requestId, _) in later)
        {
            var record = (await harness.Service.GetAsync(requestId))!;
            Assert.True(await harness.StepAsync(record.ErasureId) > harness.Clock.GetUtcNow());
            Assert.Equal(ErasureState.ReadyToSend, (await harness.Service.GetAsync(requestId))!.State);
        }
        Assert.Single(harness.Emulator.Operations);

        await RunAllToEndAsync(harness, [("queue-0", []), .. later]);

        Assert.Equal(2, harness.Emulator.Operations.Count);
        Assert.Equal(4, harness.Emulator.Operations[1].Request.Keys.Count);
        // The second call was sent after the first left the queue (its suppression began), not before.
        Assert.True(harness.Emulator.Operations[1].CreatedAt >= harness.Emulator.Operations[0].SuppressionCompletesAt);
    }

    [Fact]
    public async Task A_contact_named_by_two_erasures_of_one_request_is_sent_once()
    {
        await using var harness = await ErasureHarness.StartAsync();
        await harness.Service.SubmitAsync(new ErasureRequest("twice-a", ErasureSubjects.ContactKeys(["shared-contact", "only-a"])));
        await harness.Service.SubmitAsync(new ErasureRequest("twice-b", ErasureSubjects.ContactKeys(["shared-contact"])));

        await RunAllToEndAsync(harness, [("twice-a", []), ("twice-b", [])]);

        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(["only-a", "shared-contact"], operation.Request.Keys.Order());
        Assert.Equal(ErasureVerdict.Deleted, (await harness.Service.GetAsync("twice-b"))!.Verdict);
    }

    private static async Task<List<(string RequestId, string[] Keys)>> SubmitKeysAsync(ErasureHarness harness, string prefix, int count, int keysEach)
    {
        var erasures = new List<(string, string[])>();
        for (var i = 0; i < count; i++)
        {
            var keys = Enumerable.Range(0, keysEach).Select(k => $"{prefix}-{i}-contact-{k}").ToArray();
            await harness.Service.SubmitAsync(new ErasureRequest($"{prefix}-{i}", ErasureSubjects.ContactKeys(keys)));
            erasures.Add(($"{prefix}-{i}", keys));
        }
        return erasures;
    }

    /// <summary>
    /// Runs each erasure to its end, the others' wake-ups held alongside as the scheduler holds them: a
    /// member waits for its lead's reads, so the lead must run even when no step of this run woke it.
    /// </summary>
    private static async Task RunAllToEndAsync(ErasureHarness harness, IEnumerable<(string RequestId, string[] Keys)> erasures)
    {
        var records = new List<ErasureRecord>();
        foreach (var (requestId, _) in erasures)
        {
            records.Add((await harness.Service.GetAsync(requestId))!);
        }
        foreach (var record in records)
        {
            if ((await harness.Service.GetAsync(record.RequestId))!.State != ErasureState.Closed)
            {
                var active = new List<Guid>();
                foreach (var other in records.Where(r => r.ErasureId != record.ErasureId))
                {
                    if ((await harness.Service.GetAsync(other.RequestId))!.State != ErasureState.Closed)
                    {
                        active.Add(other.ErasureId);
                    }
                }
                await harness.RunToEndAsync(record.ErasureId, alongside: active);
            }
        }
    }

    private static void AssertEveryKeySentOnce(ErasureHarness harness, IEnumerable<string> keys)
    {
        var sent = harness.Emulator.Operations.SelectMany(o => o.Request.Keys).ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(keys.Order(), sent.Order());
    }
}
