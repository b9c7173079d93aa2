using System;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

// The schema half of the store: the migrations, applied in order, once.
public abstract partial class AdoLedgerStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The flow is fixed here for every store: take the store's migration lock
    /// (<see cref="EnterMigrationLockAsync"/>), then apply the missing migrations in one transaction. A
    /// store refines the lock, never the flow, so a call through this class or the interface is the same call.
    /// </remarks>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        try
        {
            var migrationLock = await EnterMigrationLockAsync(cancellationToken).ConfigureAwait(false);
            await using (migrationLock.ConfigureAwait(false))
            {
                await WriteAsync("migrate the ledger schema", ApplyMigrationsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException ex)
        {
            // Taking the lock failed, before any migration ran: the migrations' own failures are reported by WriteAsync.
            throw new ErasureLedgerException($"Could not migrate the ledger schema: {DescribeFailure(ex)}. Nothing was written.", ex);
        }
    }

    /// <summary>
    /// Serializes migrations with other processes that start on the same ledger, so that each migration
    /// is applied once instead of raced; disposing the result releases the lock. The default takes none:
    /// a store whose write transaction already serializes writers (SQLite's) needs none.
    /// </summary>
    /// <returns>The held lock; released when disposed.</returns>
    protected virtual ValueTask<IAsyncDisposable> EnterMigrationLockAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(NoMigrationLock.Instance);

    private Func<DbConnection, DbTransaction, Task<WriteOutcome<bool>>> ApplyMigrationsAsync(CancellationToken cancellationToken) =>
        async (connection, transaction) =>
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
            return WriteOutcome.Commit(true);
        };

    private async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var read = Command(connection, transaction, _sql.ReadSchemaVersion);
        var value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lock of a store that needs none.</summary>
    private sealed class NoMigrationLock : IAsyncDisposable
    {
        public static readonly NoMigrationLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
