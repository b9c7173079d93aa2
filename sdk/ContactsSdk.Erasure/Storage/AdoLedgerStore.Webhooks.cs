using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

// The webhook outbox half of the store (schema 6). An entry's event is written by InsertEntriesAsync,
// in the entry's own transaction: a rolled-back change leaves no event, a committed one always has one.
public abstract partial class AdoLedgerStore : IWebhookOutbox
{
    /// <summary>Whether this store keeps a webhook outbox (the stores of this library do).</summary>
    internal bool HasWebhookOutbox => _sql.Outbox is not null;

    private WebhookOutboxSql Outbox =>
        _sql.Outbox ?? throw new InvalidOperationException("This ledger store keeps no webhook outbox: webhooks need the SQLite or PostgreSQL store of ContactsSdk.Erasure.");

    /// <summary>Writes the events of a transaction's entries, after the erasures' rows were changed (the events copy them).</summary>
    private async Task InsertEntryEventsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        if (_sql.Outbox is null)
        {
            return;
        }
        foreach (var entry in entries)
        {
            using var insert = Command(connection, transaction, WebhookOutboxSql.InsertEntryEvent);
            Add(insert, "event_key", $"{Id(entry.ErasureId)}/{entry.Sequence.ToString(CultureInfo.InvariantCulture)}");
            Add(insert, "erasure_id", Id(entry.ErasureId));
            Add(insert, "entry_sequence", entry.Sequence);
            Add(insert, "entry_kind", entry.Kind);
            Add(insert, "occurred_at", Millis(entry.RecordedAt));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    Task<int> IWebhookOutbox.RecordDeadlineEventsAsync(IReadOnlyList<DeadlineEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _ = Outbox;
        return WriteAsync("record deadline webhook events", async (connection, transaction) =>
        {
            var added = 0;
            foreach (var deadline in events)
            {
                using var insert = Command(connection, transaction, WebhookOutboxSql.InsertDeadlineEvent);
                // One event per erasure, type and due date: an extended deadline that is at risk again is news.
                Add(insert, "event_key", $"{Id(deadline.ErasureId)}/{deadline.EventType}/{Millis(deadline.DueAt).ToString(CultureInfo.InvariantCulture)}");
                Add(insert, "event_type", deadline.EventType);
                Add(insert, "erasure_id", Id(deadline.ErasureId));
                Add(insert, "occurred_at", Millis(now));
                Add(insert, "projected_end_at", Millis(deadline.ProjectedEndAt));
                added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return WriteOutcome.Commit(added);
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task<int> IWebhookOutbox.FanOutAsync(Func<string, IReadOnlyList<string>> endpointsFor, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var sql = Outbox;
        return WriteAsync("fan webhook events out to their endpoints", async (connection, transaction) =>
        {
            var events = new List<(long Sequence, string Type)>();
            using (var select = Command(connection, transaction, sql.SelectUnfannedEvents))
            {
                Add(select, "limit", (long)limit);
                using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    events.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)));
                }
            }
            foreach (var (sequence, type) in events)
            {
                foreach (var endpoint in endpointsFor(type))
                {
                    using var insert = Command(connection, transaction, WebhookOutboxSql.InsertDelivery);
                    Add(insert, "delivery_id", Id(Guid.NewGuid()));
                    Add(insert, "endpoint", endpoint);
                    Add(insert, "now", Millis(now));
                    Add(insert, "event_seq", sequence);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                using var mark = Command(connection, transaction, WebhookOutboxSql.MarkFannedOut);
                Add(mark, "event_seq", sequence);
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return WriteOutcome.Commit(events.Count);
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task<IReadOnlyList<ClaimedDelivery>> IWebhookOutbox.ClaimAsync(string holder, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        var sql = Outbox;
        return WriteAsync<IReadOnlyList<ClaimedDelivery>>("claim webhook deliveries", async (connection, transaction) =>
        {
            IReadOnlyList<ClaimedDelivery> claimed;
            using (var select = Command(connection, transaction, sql.SelectClaimable))
            {
                Add(select, "now", Millis(now));
                Add(select, "limit", (long)limit);
                claimed = await ReadAllAsync(select, ReadClaimed, cancellationToken).ConfigureAwait(false);
            }
            foreach (var delivery in claimed)
            {
                using var lease = Command(connection, transaction, WebhookOutboxSql.LeaseDelivery);
                Add(lease, "holder", holder);
                Add(lease, "lease_until", Millis(leaseUntil));
                Add(lease, "delivery_id", Id(delivery.DeliveryId));
                await lease.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return WriteOutcome.Commit(claimed);
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task<bool> IWebhookOutbox.RecordAttemptAsync(string holder, DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        _ = Outbox;
        return WriteAsync("record a webhook delivery attempt", async (connection, transaction) =>
        {
            using (var record = Command(connection, transaction, WebhookOutboxSql.RecordAttempt))
            {
                Add(record, "state", attempt.Delivered ? "Delivered" : attempt.GivenUp ? "Failed" : "Pending");
                Add(record, "next_attempt_at", Millis(attempt.Delivered || attempt.GivenUp ? attempt.At : attempt.NextAttemptAt));
                Add(record, "now", Millis(attempt.At));
                Add(record, "last_status", attempt.Status);
                Add(record, "last_error", attempt.Error);
                Add(record, "delivered_at", attempt.Delivered ? Millis(attempt.At) : null);
                Add(record, "delivery_id", Id(attempt.DeliveryId));
                Add(record, "holder", holder);
                if (await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return WriteOutcome.RollBack(false);
                }
            }
            using var endpoint = Command(connection, transaction, WebhookOutboxSql.RecordEndpointOutcome);
            Add(endpoint, "endpoint", attempt.Endpoint);
            Add(endpoint, "success", attempt.Delivered ? 1L : 0L);
            Add(endpoint, "now", Millis(attempt.At));
            Add(endpoint, "last_error", attempt.Error);
            Add(endpoint, "last_status", attempt.Status);
            await endpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Commit(true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task<OutboxCounts> IWebhookOutbox.CountAsync(CancellationToken cancellationToken)
    {
        _ = Outbox;
        return ReadAsync("read the webhook outbox", async connection =>
        {
            var byEndpoint = new SortedDictionary<string, EndpointCounts>(StringComparer.Ordinal);
            EndpointCounts Of(string endpoint) => byEndpoint.TryGetValue(endpoint, out var counts) ? counts : new EndpointCounts { Endpoint = endpoint };
            using (var open = Command(connection, null, WebhookOutboxSql.CountOpenDeliveries))
            using (var reader = await open.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var endpoint = reader.GetString(0);
                    var count = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
                    byEndpoint[endpoint] = reader.GetString(1) == "Failed"
                        ? Of(endpoint) with { Failed = count }
                        : Of(endpoint) with { Pending = count, OldestPendingAt = FromMillis(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)) };
                }
            }
            using (var outcomes = Command(connection, null, WebhookOutboxSql.SelectEndpointOutcomes))
            using (var reader = await outcomes.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var endpoint = reader.GetString(0);
                    byEndpoint[endpoint] = Of(endpoint) with
                    {
                        LastSuccessAt = NullableTime(reader, 1),
                        LastErrorAt = NullableTime(reader, 2),
                        LastError = reader.IsDBNull(3) ? null : reader.GetString(3),
                        LastStatus = reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                    };
                }
            }
            using var unfanned = Command(connection, null, WebhookOutboxSql.CountUnfannedEvents);
            using var events = await unfanned.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await events.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxCounts(byEndpoint.Values.ToList(), Convert.ToInt32(events.GetValue(0), CultureInfo.InvariantCulture), NullableTime(events, 1));
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task<int> IWebhookOutbox.RetryFailedAsync(string endpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _ = Outbox;
        return WriteAsync("send failed webhook deliveries again", async (connection, transaction) =>
        {
            using var retry = Command(connection, transaction, WebhookOutboxSql.RetryFailed);
            Add(retry, "endpoint", endpoint);
            Add(retry, "now", Millis(now));
            return WriteOutcome.Commit(await retry.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
    }

    private static DateTimeOffset? NullableTime(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : FromMillis(Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture));

    private static ClaimedDelivery ReadClaimed(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
        FromMillis(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)),
        new OutboxEvent
        {
            Sequence = Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
            EventType = reader.GetString(5),
            ErasureId = Guid.Parse(reader.GetString(6)),
            RequestId = reader.GetString(7),
            State = Enum.Parse<ErasureState>(reader.GetString(8)),
            Verdict = reader.IsDBNull(9) ? null : Enum.Parse<ErasureVerdict>(reader.GetString(9)),
            DueAt = NullableTime(reader, 10),
            SubmittedAt = FromMillis(Convert.ToInt64(reader.GetValue(11), CultureInfo.InvariantCulture)),
            ConcludedAt = NullableTime(reader, 12),
            EntrySequence = reader.IsDBNull(13) ? null : Convert.ToInt64(reader.GetValue(13), CultureInfo.InvariantCulture),
            EntryKind = reader.IsDBNull(14) ? null : reader.GetString(14),
            OccurredAt = FromMillis(Convert.ToInt64(reader.GetValue(15), CultureInfo.InvariantCulture)),
            ProjectedEndAt = NullableTime(reader, 16),
        });
}
