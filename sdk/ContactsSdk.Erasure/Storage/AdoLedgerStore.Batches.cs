using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

// The batch half of the store: delete requests shared by several erasures.
public abstract partial class AdoLedgerStore
{
    /// <inheritdoc />
    public Task<AppendResult> WriteBatchAsync(BatchWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAsync("write a shared delete request to the ledger", async (connection, transaction) =>
        {
            var result = await WriteBatchInTransactionAsync(connection, transaction, write, cancellationToken).ConfigureAwait(false);
            // Any refusal (a stale member or batch, a busy slot, a claimed operation) writes none of it.
            return result == AppendResult.Appended ? WriteOutcome.Commit(result) : WriteOutcome.RollBack(result);
        }, cancellationToken);
    }

    private async Task<AppendResult> WriteBatchInTransactionAsync(DbConnection connection, DbTransaction transaction, BatchWrite write, CancellationToken cancellationToken)
    {
        foreach (var batch in write.NewBatches)
        {
            await InsertBatchAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
        }
        if (write.Change is { } change)
        {
            if (change.OperationId is { } operationId && await CountClaimsAsync(connection, transaction, operationId, change.BatchId, cancellationToken).ConfigureAwait(false) > 0)
            {
                return AppendResult.OperationClaimed;
            }
            if (!await UpdateBatchAsync(connection, transaction, change, cancellationToken).ConfigureAwait(false))
            {
                return AppendResult.VersionConflict;
            }
        }
        if (write.ReleaseSendSlotOf is { } releasing)
        {
            using var release = Command(connection, transaction, _sql.ReleaseSendSlot);
            Add(release, "holder", Id(releasing));
            await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (write.AcquireSendSlotFor is { } acquiring)
        {
            using var acquire = Command(connection, transaction, _sql.AcquireSendSlot);
            Add(acquire, "holder", Id(acquiring));
            Add(acquire, "now", Millis(write.Change?.At ?? (write.NewBatches.Count > 0 ? write.NewBatches[0].CreatedAt : DateTimeOffset.UtcNow)));
            if (await acquire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return AppendResult.SendSlotBusy;
            }
        }
        var entries = new List<LedgerEntry>(write.Appends.Count);
        foreach (var append in write.Appends)
        {
            var result = await AppendInTransactionAsync(connection, transaction, append, entries, cancellationToken).ConfigureAwait(false);
            if (result != AppendResult.Appended)
            {
                return result;
            }
        }
        await InsertEntriesAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
        return AppendResult.Appended;
    }

    /// <inheritdoc />
    public Task<BatchRecord?> FindBatchAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        ReadAsync("read a shared delete request", async connection =>
        {
            using var select = Command(connection, null, _sql.SelectBatchById);
            Add(select, "batch_id", Id(batchId));
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadBatch(reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ErasureRecord>> ListBatchMembersAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ErasureRecord>>("read a shared delete request", async connection =>
        {
            using var select = Command(connection, null, _sql.SelectBatchMembers);
            Add(select, "batch_id", Id(batchId));
            return await ReadAllAsync(select, ReadRecord, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendCandidate>> ReadSendCandidatesAsync(AccountId? accountId, SubjectKind subjectKind, int limit, CancellationToken cancellationToken = default) =>
        ReadWaitingAsync(_sql.SelectSendCandidates, accountId, subjectKind, limit, "read the erasures ready to send", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendCandidate>> ReadResolveCandidatesAsync(AccountId? accountId, int limit, CancellationToken cancellationToken = default) =>
        ReadWaitingAsync(_sql.SelectResolveCandidates, accountId, null, limit, "read the erasures waiting for their addresses to be resolved", cancellationToken);

    private Task<IReadOnlyList<SendCandidate>> ReadWaitingAsync(string sql, AccountId? accountId, SubjectKind? subjectKind, int limit, string action, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<SendCandidate>>(action, async connection =>
        {
            using var select = Command(connection, null, sql);
            Add(select, "account_id", accountId?.Value);
            if (subjectKind is { } kind)
            {
                Add(select, "subject_kind", kind.ToString());
            }
            Add(select, "limit", (long)limit);
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var candidates = new List<SendCandidate>();
            var subjectsColumn = reader.FieldCount - 1;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // A waiting erasure always holds its identifiers; one without them is skipped, never sent empty.
                if (!reader.IsDBNull(subjectsColumn) && JsonSerializer.Deserialize<string[]>(reader.GetString(subjectsColumn)) is { Length: > 0 } subjects)
                {
                    candidates.Add(new SendCandidate(ReadRecord(reader), subjects));
                }
            }
            return candidates;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountBatchesInQueueAsync(AccountId? accountId, CancellationToken cancellationToken = default) =>
        ReadAsync("read the shared delete requests", async connection =>
        {
            using var count = Command(connection, null, _sql.CountBatchesInQueue);
            Add(count, "account_id", accountId?.Value);
            return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Guid?> FindOldestFormedBatchAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("read the shared delete requests", async connection =>
        {
            using var select = Command(connection, null, _sql.SelectOldestFormedBatch);
            var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is string id ? Guid.Parse(id) : (Guid?)null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> IsOperationClaimedByOtherAsync(long operationId, Guid batchId, CancellationToken cancellationToken = default) =>
        ReadAsync("read the ledger", async connection =>
            await CountClaimsAsync(connection, null, operationId, batchId, cancellationToken).ConfigureAwait(false) > 0, cancellationToken);

    private async Task<long> CountClaimsAsync(DbConnection connection, DbTransaction? transaction, long operationId, Guid batchId, CancellationToken cancellationToken)
    {
        using var claims = Command(connection, transaction, _sql.CountBatchOperationClaims);
        Add(claims, "operation_id", operationId);
        Add(claims, "batch_id", Id(batchId));
        return Convert.ToInt64(await claims.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private async Task InsertBatchAsync(DbConnection connection, DbTransaction transaction, BatchRecord batch, CancellationToken cancellationToken)
    {
        using var insert = Command(connection, transaction, _sql.InsertBatch);
        Add(insert, "batch_id", Id(batch.BatchId));
        Add(insert, "account_id", batch.AccountId?.Value);
        Add(insert, "subject_kind", batch.SubjectKind.ToString());
        Add(insert, "state", batch.State.ToString());
        Add(insert, "erasure_count", (long)batch.ErasureCount);
        Add(insert, "contact_count", (long)batch.ContactCount);
        Add(insert, "operation_id", batch.OperationId);
        Add(insert, "lead_erasure_id", Id(batch.LeadErasureId));
        Add(insert, "parent_batch_id", batch.ParentBatchId is { } parent ? Id(parent) : null);
        Add(insert, "created_at", Millis(batch.CreatedAt));
        Add(insert, "updated_at", Millis(batch.UpdatedAt));
        Add(insert, "version", batch.Version);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> UpdateBatchAsync(DbConnection connection, DbTransaction transaction, BatchChange change, CancellationToken cancellationToken)
    {
        using var update = Command(connection, transaction, _sql.UpdateBatch);
        Add(update, "batch_id", Id(change.BatchId));
        Add(update, "state", change.NewState.ToString());
        Add(update, "operation_id", change.OperationId);
        Add(update, "updated_at", Millis(change.At));
        Add(update, "expected_version", change.ExpectedVersion);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static BatchRecord ReadBatch(DbDataReader reader) => new()
    {
        BatchId = Guid.Parse(reader.GetString(0)),
        AccountId = ReadAccountId(reader, 1),
        SubjectKind = Enum.Parse<SubjectKind>(reader.GetString(2)),
        State = Enum.Parse<BatchState>(reader.GetString(3)),
        ErasureCount = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
        ContactCount = Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
        OperationId = reader.IsDBNull(6) ? null : Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture),
        LeadErasureId = Guid.Parse(reader.GetString(7)),
        ParentBatchId = reader.IsDBNull(8) ? null : Guid.Parse(reader.GetString(8)),
        CreatedAt = FromMillis(Convert.ToInt64(reader.GetValue(9), CultureInfo.InvariantCulture)),
        UpdatedAt = FromMillis(Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture)),
        Version = Convert.ToInt64(reader.GetValue(11), CultureInfo.InvariantCulture),
    };
}
