using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// A ledger store over plain ADO.NET: the SQL comes from a <see cref="LedgerSql"/>, the
/// connection from the derived class. Every write is one transaction, owned by this class alone:
/// the work inside it says whether to commit (<see cref="WriteOutcome"/>), and every failure of the
/// database becomes an <see cref="ErasureLedgerException"/> after the transaction rolled back.
/// </summary>
/// <remarks>
/// Derived classes supply the connection and may refine a few steps through protected virtual
/// members (the write transaction, the migration lock, failure messages, the resources to release);
/// they never replace a public member. Dispose the store (sync or async) once it is no longer used.
/// </remarks>
public abstract partial class AdoLedgerStore : IErasureLedgerStore, IAsyncDisposable, IDisposable
{
    private readonly LedgerSql _sql;

    /// <summary>Creates the store over a dialect's SQL.</summary>
    protected AdoLedgerStore(LedgerSql sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        _sql = sql;
    }

    /// <summary>The schema version this library writes.</summary>
    public int CurrentSchemaVersion => _sql.Migrations.Count;

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(NewErasure erasure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var record = erasure.Record;
        return WriteAsync("record a new erasure", async (connection, transaction) =>
        {
            using (var insert = Command(connection, transaction, _sql.InsertErasure))
            {
                Add(insert, "erasure_id", Id(record.ErasureId));
                Add(insert, "request_id", record.RequestId);
                Add(insert, "account_id", record.AccountId?.Value);
                Add(insert, "subject_kind", record.SubjectKind.ToString());
                Add(insert, "subject_count", (long)record.SubjectCount);
                Add(insert, "state", record.State.ToString());
                Add(insert, "submitted_at", Millis(record.SubmittedAt));
                Add(insert, "version", record.Version);
                Add(insert, "last_hash", record.LastHash);
                Add(insert, "subjects", JsonSerializer.Serialize(erasure.ClearSubjects));
                Add(insert, "due_at", record.DueAt is { } due ? Millis(due) : null);
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    // The request ID is taken: nothing of this erasure may stay.
                    return WriteOutcome.RollBack(false);
                }
            }
            await InsertEntriesAsync(connection, transaction, [erasure.FirstEntry], cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Commit(true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(LedgerAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (append.Entry.Sequence != append.ExpectedVersion + 1)
        {
            throw new ArgumentException("The entry's sequence must follow the expected version.", nameof(append));
        }
        if (append.OperationId is not null)
        {
            // An operation is claimed by its batch, for every member at once (WriteBatchAsync checks the claim).
            throw new ArgumentException("An operation ID is recorded by a batch write (WriteBatchAsync), not by a single append.", nameof(append));
        }
        return WriteAsync("append to the ledger", async (connection, transaction) =>
        {
            var entries = new List<LedgerEntry>(1);
            var result = await AppendInTransactionAsync(connection, transaction, append, entries, cancellationToken).ConfigureAwait(false);
            if (result != AppendResult.Appended)
            {
                return WriteOutcome.RollBack(result);
            }
            await InsertEntriesAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Commit(result);
        }, cancellationToken);
    }

    /// <summary>
    /// Applies an append's row change and adds its entry to <paramref name="entries"/>: the caller inserts
    /// the entries of the whole transaction last (<see cref="InsertEntriesAsync"/>). The caller also
    /// checks any operation claim first: it belongs to the batch, not to one member.
    /// </summary>
    private async Task<AppendResult> AppendInTransactionAsync(
        DbConnection connection, DbTransaction transaction, LedgerAppend append, List<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var entry = append.Entry;
        using (var update = Command(connection, transaction, _sql.UpdateErasure))
        {
            Add(update, "erasure_id", Id(entry.ErasureId));
            Add(update, "state", append.NewState.ToString());
            Add(update, "verdict", append.Verdict?.ToString());
            Add(update, "operation_id", append.OperationId);
            Add(update, "concluded_at", append.ConcludedAt is { } concluded ? Millis(concluded) : null);
            Add(update, "updated_at", Millis(entry.RecordedAt));
            Add(update, "new_version", entry.Sequence);
            Add(update, "last_hash", entry.Hash);
            Add(update, "expected_version", append.ExpectedVersion);
            Add(update, "batch_id", append.JoinBatch is { } batch ? Id(batch) : null);
            Add(update, "leave_batch", append.LeaveBatch ? 1L : 0L);
            Add(update, "due_at", append.DueAt is { } due ? Millis(due) : null);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return AppendResult.VersionConflict;
            }
        }

        if (append.ClearSubjects != ClearSubjectsChange.Keep)
        {
            using var subjects = Command(connection, transaction, _sql.SetClearSubjects);
            Add(subjects, "erasure_id", Id(entry.ErasureId));
            Add(subjects, "subjects", append.ClearSubjects == ClearSubjectsChange.Replace
                ? JsonSerializer.Serialize(append.ReplacementSubjects ?? throw new ArgumentException("Replacement subjects are missing.", nameof(append)))
                : null);
            await subjects.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        entries.Add(entry);
        return AppendResult.Appended;
    }

    /// <inheritdoc />
    public Task<ErasureRecord?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return ReadSingleAsync(_sql.SelectErasureByRequestId, "request_id", requestId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ErasureRecord?> FindAsync(Guid erasureId, CancellationToken cancellationToken = default) =>
        ReadSingleAsync(_sql.SelectErasureById, "erasure_id", Id(erasureId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEntry>> ReadEntriesAsync(Guid erasureId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<LedgerEntry>>("read the ledger", async connection =>
        {
            using var select = Command(connection, null, _sql.SelectEntries);
            Add(select, "erasure_id", Id(erasureId));
            return await ReadAllAsync(select, ReadEntry, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>?> ReadClearSubjectsAsync(Guid erasureId, CancellationToken cancellationToken = default) =>
        ReadAsync("read the ledger", async connection =>
        {
            using var select = Command(connection, null, _sql.SelectClearSubjects);
            Add(select, "erasure_id", Id(erasureId));
            var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is string json ? (IReadOnlyList<string>?)JsonSerializer.Deserialize<string[]>(json) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ErasureRecord>> ListAsync(ErasureListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return ReadAsync<IReadOnlyList<ErasureRecord>>("list erasures", async connection =>
        {
            using var select = Command(connection, null, query.AcceptedOnly ? _sql.SelectAcceptedPage : _sql.SelectErasurePage);
            if (!query.AcceptedOnly)
            {
                Add(select, "from", query.SubmittedFrom is { } from ? Millis(from) : null);
                Add(select, "to", query.SubmittedTo is { } to ? Millis(to) : null);
                Add(select, "active_only", query.ActiveOnly ? 1L : 0L);
            }
            Add(select, "after_at", query.After is { } after ? Millis(after.SubmittedAt) : null);
            Add(select, "after_id", query.After is { } cursor ? Id(cursor.ErasureId) : null);
            Add(select, "limit", (long)query.PageSize);
            return await ReadAllAsync(select, ReadRecord, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Guid?> FindLongestWaitingToSendAsync(CancellationToken cancellationToken = default)
    {
        if (_sql.SelectLongestWaitingToSend is not { } sql)
        {
            return Task.FromResult<Guid?>(null);
        }
        return ReadAsync("read the send queue", async connection =>
        {
            using var select = Command(connection, null, sql);
            var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is string id ? Guid.Parse(id) : (Guid?)null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountWaitingToSendAheadAsync(ErasureRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_sql.CountWaitingToSendAhead is not { } sql)
        {
            return Task.FromResult(0);
        }
        return ReadAsync("read the send queue", async connection =>
        {
            using var count = Command(connection, null, sql);
            Add(count, "updated_at", Millis(record.UpdatedAt));
            Add(count, "erasure_id", Id(record.ErasureId));
            return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    private Task<ErasureRecord?> ReadSingleAsync(string sql, string parameter, string value, CancellationToken cancellationToken) =>
        ReadAsync("read the ledger", async connection =>
        {
            using var select = Command(connection, null, sql);
            Add(select, parameter, value);
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRecord(reader) : null;
        }, cancellationToken);

    /// <summary>
    /// Inserts a transaction's entries with the next leaf indexes of the ledger-wide tree. Taking the
    /// indexes locks the tree's counter row until the commit, so indexes follow commit order without
    /// gaps; it is the last lock a write takes, so two writes never wait on each other in a circle.
    /// </summary>
    private async Task InsertEntriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        long next;
        using (var take = Command(connection, transaction, _sql.TakeLeafIndexes))
        {
            Add(take, "count", (long)entries.Count);
            next = Convert.ToInt64(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        foreach (var entry in entries)
        {
            using var insert = Command(connection, transaction, _sql.InsertEntry);
            Add(insert, "erasure_id", Id(entry.ErasureId));
            Add(insert, "sequence", entry.Sequence);
            Add(insert, "kind", entry.Kind);
            Add(insert, "recorded_at", Millis(entry.RecordedAt));
            Add(insert, "payload", entry.Payload);
            Add(insert, "previous_hash", entry.PreviousHash);
            Add(insert, "hash", entry.Hash);
            Add(insert, "leaf_index", next++);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await InsertEntryEventsAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
    }
}
