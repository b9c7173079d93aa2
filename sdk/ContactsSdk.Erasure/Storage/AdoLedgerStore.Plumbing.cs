using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

// The plumbing every member shares: connections, the one place that commits or rolls back, commands,
// rows, and the store's lifetime.
public abstract partial class AdoLedgerStore
{
    private int _disposed;

    /// <summary>Opens a connection to the ledger, ready for use.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that serializes with other writers of the ledger.</summary>
    protected virtual ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>A short, data-free explanation of a database failure (for example "the ledger file is read-only").</summary>
    protected virtual string DescribeFailure(DbException exception) => exception.Message;

    /// <summary>Releases the store's connections. Later calls on the store throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Dispose(disposing: true);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the store's connections. Later calls on the store throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeAsyncCore().ConfigureAwait(false);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the store holds (its connection pool or data source). Runs at most once.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Releases what the store holds, asynchronously; by default as <see cref="Dispose(bool)"/> does. Runs at most once.</summary>
    protected virtual ValueTask DisposeAsyncCore()
    {
        Dispose(disposing: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Refuses a call on a disposed store.</summary>
    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits or rolls back as the work's
    /// outcome says: the only place a transaction ends. A database failure rolls back (disposing an
    /// uncommitted transaction does) and becomes an <see cref="ErasureLedgerException"/>.
    /// </summary>
    private async Task<T> WriteAsync<T>(string action, Func<DbConnection, DbTransaction, Task<WriteOutcome<T>>> work, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var outcome = await work(connection, transaction).ConfigureAwait(false);
            if (outcome.Commit)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // A refused precondition writes nothing, not even the statements that ran before it.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
            return outcome.Result;
        }
        catch (DbException ex)
        {
            throw new ErasureLedgerException($"Could not {action}: {DescribeFailure(ex)}. Nothing was written.", ex);
        }
    }

    private async Task<T> ReadAsync<T>(string action, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
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

    /// <summary>Every row <paramref name="select"/> returns, each read by <paramref name="read"/>.</summary>
    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand select, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static AccountId? ReadAccountId(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new AccountId(Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture));

    private static ErasureRecord ReadRecord(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        ReadAccountId(reader, 2),
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
