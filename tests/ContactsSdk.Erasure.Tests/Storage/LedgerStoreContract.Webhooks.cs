using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Webhooks;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Storage;

// The webhook outbox (schema 6), the same on every database: events written with the ledger change
// that causes them, deliveries leased to one node at a time, in order per erasure and endpoint.
public abstract partial class LedgerStoreContract
{
    private static readonly string[] OneEndpoint = ["receiver"];

    [SkippableFact]
    public async Task An_entry_commits_its_webhook_event_and_a_refused_write_leaves_none()
    {
        var store = await MigratedStoreAsync();
        var outbox = (IWebhookOutbox)store;
        var erasure = NewErasure("req-hook-1", T0, dueAt: T0.AddDays(30));
        Assert.True(await store.TryCreateAsync(erasure));
        // Refused writes: a taken request ID, a stale version. Neither may leave an event.
        Assert.False(await store.TryCreateAsync(NewErasure("req-hook-1", T0)));
        Assert.Equal(AppendResult.VersionConflict, await store.AppendAsync(new LedgerAppend { Entry = Entry(erasure.Record.ErasureId, 3, T0), ExpectedVersion = 2, NewState = ErasureState.Accepted }));
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(new LedgerAppend
        {
            Entry = Entry(erasure.Record.ErasureId, 2, T0.AddMinutes(1)),
            ExpectedVersion = 1,
            NewState = ErasureState.Closed,
            Verdict = ErasureVerdict.Deleted,
            ConcludedAt = T0.AddMinutes(1),
        }));

        Assert.Equal(2, await outbox.FanOutAsync(_ => OneEndpoint, T0, 100, default));
        var delivered = await DeliverAllAsync(outbox, T0.AddMinutes(2));

        Assert.Equal(
            [(WebhookEventTypes.StateChanged, 1L, "submitted", ErasureState.ReadyToSend, (ErasureVerdict?)null), (WebhookEventTypes.Closed, 2L, "test", ErasureState.Closed, ErasureVerdict.Deleted)],
            delivered.Select(d => (d.Event.EventType, d.Event.EntrySequence!.Value, d.Event.EntryKind!, d.Event.State, d.Event.Verdict)));
        Assert.All(delivered, d => Assert.Equal(("req-hook-1", erasure.Record.DueAt), (d.Event.RequestId, d.Event.DueAt)));
        Assert.Equal(T0.AddMinutes(1), delivered[1].Event.ConcludedAt);
        Assert.Equal(0, await outbox.FanOutAsync(_ => OneEndpoint, T0, 100, default));
    }

    [SkippableFact]
    public async Task An_event_goes_to_the_endpoints_subscribed_to_its_type_only()
    {
        var store = await MigratedStoreAsync();
        var outbox = (IWebhookOutbox)store;
        await store.TryCreateAsync(NewErasure("req-hook-sub", T0));

        await outbox.FanOutAsync(type => type == WebhookEventTypes.StateChanged ? ["all", "changes"] : ["all"], T0, 100, default);

        var counts = await outbox.CountAsync(default);
        Assert.Equal([("all", 1), ("changes", 1)], counts.Endpoints.Select(e => (e.Endpoint, e.Pending)));
        Assert.Equal(0, counts.UnfannedEvents);
    }

    [SkippableFact]
    public async Task A_deadline_event_is_recorded_once_per_erasure_type_and_due_date()
    {
        var store = await MigratedStoreAsync();
        var outbox = (IWebhookOutbox)store;
        var erasure = NewErasure("req-hook-late", T0, dueAt: T0.AddDays(30));
        await store.TryCreateAsync(erasure);
        var atRisk = new DeadlineEvent(erasure.Record.ErasureId, WebhookEventTypes.AtRisk, T0.AddDays(30), T0.AddDays(40));

        Assert.Equal(1, await outbox.RecordDeadlineEventsAsync([atRisk], T0.AddDays(1), default));
        Assert.Equal(0, await outbox.RecordDeadlineEventsAsync([atRisk], T0.AddDays(2), default));
        // An extended due date at risk again is news; so is the same erasure overdue.
        Assert.Equal(2, await outbox.RecordDeadlineEventsAsync(
            [atRisk with { DueAt = T0.AddDays(60) }, atRisk with { EventType = WebhookEventTypes.Overdue }], T0.AddDays(31), default));

        var counts = await outbox.CountAsync(default);
        Assert.Equal(4, counts.UnfannedEvents);
        Assert.Equal(T0, counts.OldestUnfannedAt);
        await outbox.FanOutAsync(_ => OneEndpoint, T0, 100, default);
        var delivered = await DeliverAllAsync(outbox, T0.AddDays(32));
        Assert.Equal([WebhookEventTypes.StateChanged, WebhookEventTypes.AtRisk, WebhookEventTypes.AtRisk, WebhookEventTypes.Overdue], delivered.Select(d => d.Event.EventType));
        Assert.Equal(T0.AddDays(40), delivered[1].Event.ProjectedEndAt);
        Assert.Null(delivered[1].Event.EntrySequence);
    }

    [SkippableFact]
    public async Task A_leased_delivery_goes_to_one_node_until_its_lease_runs_out_and_the_old_holder_then_records_nothing()
    {
        var store = await MigratedStoreAsync();
        var outbox = (IWebhookOutbox)store;
        await store.TryCreateAsync(NewErasure("req-hook-lease", T0));
        await outbox.FanOutAsync(_ => OneEndpoint, T0, 100, default);

        var first = Assert.Single(await outbox.ClaimAsync("node-a", T0, T0.AddSeconds(10), 5, default));
        Assert.Empty(await outbox.ClaimAsync("node-b", T0.AddSeconds(9), T0.AddSeconds(19), 5, default));
        var second = Assert.Single(await outbox.ClaimAsync("node-b", T0.AddSeconds(11), T0.AddSeconds(21), 5, default));
        Assert.Equal(first.DeliveryId, second.DeliveryId);

        Assert.False(await outbox.RecordAttemptAsync("node-a", Delivered(first, T0.AddSeconds(12)), default));
        Assert.True(await outbox.RecordAttemptAsync("node-b", Delivered(second, T0.AddSeconds(12)), default));
        Assert.Empty(await outbox.ClaimAsync("node-a", T0.AddMinutes(5), T0.AddMinutes(6), 5, default));
        var counts = Assert.Single((await outbox.CountAsync(default)).Endpoints);
        Assert.Equal((0, 0, T0.AddSeconds(12)), (counts.Pending, counts.Failed, counts.LastSuccessAt));
    }

    [SkippableFact]
    public async Task Nodes_claiming_at_once_never_lease_the_same_delivery()
    {
        var store = await MigratedStoreAsync();
        var outbox = (IWebhookOutbox)store;
        for (var i = 0; i < 24; i++)
        {
            await store.TryCreateAsync(NewErasure($"req-hook-race-{i}", T0));
        }
        await outbox.FanOutAsync(_ => OneEndpoint, T0, 100, default);

        var leased = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(node => Task.Run(async () =>
        {
            for (var round = 0; round < 3; round++)
            {
                foreach (var claimed in await outbox.ClaimAsync($"node-{node}", T0, T0.AddMinutes(1), 2, default))
                {
                    leased.Add(claimed.DeliveryId);
                }
            }
        })));

        Assert.Equal(leased.Count, leased.Distinct().Count());
        Assert.Equal(24, leased.Count);
    }

    [SkippableFact]
    public async Task A_failed_attempt_waits_for_its_retry_and_holds_back_the_erasures_later_events_and_a_given_up_one_counts_as_failed()
    {
        var store = await MigratedStoreAsync();
        var outbox = (IWebhookOutbox)store;
        var erasure = NewErasure("req-hook-retry", T0);
        await store.TryCreateAsync(erasure);
        await store.AppendAsync(new LedgerAppend { Entry = Entry(erasure.Record.ErasureId, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Sending });
        await outbox.FanOutAsync(_ => OneEndpoint, T0, 100, default);

        var first = Assert.Single(await outbox.ClaimAsync("node", T0, T0.AddMinutes(1), 5, default));
        Assert.Equal(1L, first.Event.EntrySequence);
        Assert.True(await outbox.RecordAttemptAsync("node", Failed(first, T0.AddSeconds(1), next: T0.AddSeconds(30)), default));
        // Not due yet, and the erasure's second event waits behind its first.
        Assert.Empty(await outbox.ClaimAsync("node", T0.AddSeconds(20), T0.AddMinutes(1), 5, default));
        var retried = Assert.Single(await outbox.ClaimAsync("node", T0.AddSeconds(31), T0.AddMinutes(2), 5, default));
        Assert.Equal((first.DeliveryId, 1), (retried.DeliveryId, retried.Attempts));
        Assert.True(await outbox.RecordAttemptAsync("node", Failed(retried, T0.AddSeconds(32), next: T0.AddSeconds(32)) with { GivenUp = true }, default));

        var counts = Assert.Single((await outbox.CountAsync(default)).Endpoints);
        Assert.Equal((1, 1, "HTTP 500 Internal Server Error", 500), (counts.Pending, counts.Failed, counts.LastError, counts.LastStatus));
        // Given up, it no longer holds the second event back.
        Assert.Equal(2L, Assert.Single(await outbox.ClaimAsync("node", T0.AddSeconds(33), T0.AddMinutes(3), 5, default)).Event.EntrySequence);

        Assert.Equal(1, await outbox.RetryFailedAsync("receiver", T0.AddHours(1), default));
        Assert.Equal(0, Assert.Single((await outbox.CountAsync(default)).Endpoints).Failed);
    }

    /// <summary>Claims and delivers until nothing is due, in the order deliveries were claimed.</summary>
    private static async Task<List<ClaimedDelivery>> DeliverAllAsync(IWebhookOutbox outbox, DateTimeOffset now)
    {
        var delivered = new List<ClaimedDelivery>();
        while (await outbox.ClaimAsync("test-node", now, now.AddMinutes(1), 5, default) is { Count: > 0 } claimed)
        {
            foreach (var delivery in claimed)
            {
                Assert.True(await outbox.RecordAttemptAsync("test-node", Delivered(delivery, now), default));
                delivered.Add(delivery);
            }
        }
        return delivered;
    }

    private static DeliveryAttempt Delivered(ClaimedDelivery delivery, DateTimeOffset at) =>
        new() { DeliveryId = delivery.DeliveryId, Endpoint = delivery.Endpoint, At = at, Delivered = true, Status = 204 };

    private static DeliveryAttempt Failed(ClaimedDelivery delivery, DateTimeOffset at, DateTimeOffset next) =>
        new() { DeliveryId = delivery.DeliveryId, Endpoint = delivery.Endpoint, At = at, Delivered = false, NextAttemptAt = next, Status = 500, Error = "HTTP 500 Internal Server Error" };
}
