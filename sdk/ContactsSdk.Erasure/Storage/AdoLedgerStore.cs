using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// A ledger store over plain ADO.NET: the SQL comes from a <see cref="LedgerSql"/>, the
/// connection from the derived class. Every write is one transaction; every failure of the
/// database becomes an <see cref="ErasureLedgerException"/> after the transaction rolled back.
/// </summary>
public abstract partial class AdoLedgerStore : IErasureLedgerStore
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

    /// <summary>Opens a connection to the ledger, ready for use.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that serializes with other writers of the ledger.</summary>
    protected virtual ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>A short, data-free explanation of a database failure (for example "the ledger file is read-only").</summary>
    protected virtual string DescribeFailure(DbException exception) => exception.Message;

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await WriteAsync("migrate the ledger schema", async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, _sql.CreateSchemaVersionTable, cancellationToken).ConfigureAwait(false);
            var applied = await ReadSchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (applied > _sql.Migrations.Count)
            {
                throw new ErasureLedgerException(
                    $"The ledger's schema is version {applied}, newer than version {_sql.Migrations.Count} that this library knows: use a newer ContactsSdk.Erasure.");
            }
            for (var version = applied; version < _sql.Migrations.Count; version++)
            {
                foreach (var statement in _sql.Migrations[version])
                {
                    await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
                }
                using var record = Command(connection, transaction, _sql.RecordSchemaVersion);
                Add(record, "version", version + 1);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

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
                Add(insert, "account_id", record.AccountId);
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
                    return false;
                }
            }
            await InsertEntriesAsync(connection, transaction, [erasure.FirstEntry], cancellationToken).ConfigureAwait(false);
            return true;
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
        return WriteAsync("append to the ledger", async (connection, transaction) =>
        {
            var entries = new List<LedgerEntry>(1);
            var result = await AppendInTransactionAsync(connection, transaction, append, entries, cancellationToken).ConfigureAwait(false);
            if (result == AppendResult.Appended)
            {
                await InsertEntriesAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
            }
            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// Applies an append's row change and adds its entry to <paramref name="entries"/>: the caller inserts
    /// the entries of the whole transaction last (<see cref="InsertEntriesAsync"/>).
    /// </summary>
    private async Task<AppendResult> AppendInTransactionAsync(
        DbConnection connection, DbTransaction transaction, LedgerAppend append, List<LedgerEntry> entries, CancellationToken cancellationToken, bool claimsChecked = false)
    {
        var entry = append.Entry;
        // A batch's members share its operation: the batch write checks the claim once, for all of them.
        if (!claimsChecked && append.OperationId is { } operationId)
        {
            using var claims = Command(connection, transaction, _sql.CountOperationClaims);
            Add(claims, "operation_id", operationId);
            Add(claims, "erasure_id", Id(entry.ErasureId));
            if (Convert.ToInt64(await claims.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                return AppendResult.OperationClaimed;
            }
        }

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

        if (append.SendSlot != SendSlotChange.None)
        {
            using var slot = Command(connection, transaction, append.SendSlot == SendSlotChange.Acquire ? _sql.AcquireSendSlot : _sql.ReleaseSendSlot);
            Add(slot, "erasure_id", Id(entry.ErasureId));
            if (append.SendSlot == SendSlotChange.Acquire)
            {
                Add(slot, "now", Millis(entry.RecordedAt));
            }
            var changed = await slot.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (append.SendSlot == SendSlotChange.Acquire && changed == 0)
            {
                return AppendResult.SendSlotBusy;
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
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<LedgerEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(ReadEntry(reader));
            }
            return entries;
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
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var page = new List<ErasureRecord>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                page.Add(ReadRecord(reader));
            }
            return page;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> IsOperationClaimedAsync(long operationId, CancellationToken cancellationToken = default) =>
        ReadAsync("read the ledger", async connection =>
        {
            using var claims = Command(connection, null, _sql.CountOperationClaims);
            Add(claims, "operation_id", operationId);
            Add(claims, "erasure_id", string.Empty);
            return Convert.ToInt64(await claims.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        }, cancellationToken);

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
    }

    private async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var read = Command(connection, transaction, _sql.ReadSchemaVersion);
        var value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private async Task<T> WriteAsync<T>(string action, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            if (result is AppendResult and not AppendResult.Appended || result is false)
            {
                // A refused precondition writes nothing, not even the statements that ran before it.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            return result;
        }
        catch (DbException ex)
        {
            throw new ErasureLedgerException($"Could not {action}: {DescribeFailure(ex)}. Nothing was written.", ex);
        }
    }

    private async Task<T> ReadAsync<T>(string action, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new ErasureLedgerException($"Could not {action}: {DescribeFailure(ex)}.", ex);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ErasureRecord ReadRecord(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
        Enum.Parse<SubjectKind>(reader.GetString(3)),
        Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
        Enum.Parse<ErasureState>(reader.GetString(5)),
        reader.IsDBNull(6) ? null : Enum.Parse<ErasureVerdict>(reader.GetString(6)),
        reader.IsDBNull(7) ? null : Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture),
        FromMillis(Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture)),
        FromMillis(Convert.ToInt64(reader.GetValue(9), CultureInfo.InvariantCulture)),
        reader.IsDBNull(10) ? null : FromMillis(Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture)),
        Convert.ToInt64(reader.GetValue(11), CultureInfo.InvariantCulture),
        reader.GetString(12))
    {
        BatchId = reader.IsDBNull(13) ? null : Guid.Parse(reader.GetString(13)),
        DueAt = reader.IsDBNull(14) ? null : FromMillis(Convert.ToInt64(reader.GetValue(14), CultureInfo.InvariantCulture)),
    };

    private static LedgerEntry ReadEntry(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
        reader.GetString(2),
        FromMillis(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6))
    {
        LeafIndex = reader.IsDBNull(7) ? null : Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture),
    };

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    // Parameters carry an explicit type even when null, so drivers that type parameters (Npgsql) accept them.
    private static void Add(DbCommand command, string name, string? value) => Add(command, name, DbType.String, value);

    private static void Add(DbCommand command, string name, long? value) => Add(command, name, DbType.Int64, value);

    private static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Ledger times are UTC milliseconds: the precision every store keeps identically.</summary>
    internal static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    internal static DateTimeOffset FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);
}
