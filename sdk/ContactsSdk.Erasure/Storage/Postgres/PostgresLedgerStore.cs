using System;
using System.Data.Common;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace ContactsSdk.Erasure.Storage.Postgres;

/// <summary>
/// The ledger on a PostgreSQL server, shared by any number of worker processes. Every write is one
/// READ COMMITTED transaction whose conditional updates (version check, send slot) serialize on the
/// row they change; nothing else is locked. Migrations hold a PostgreSQL advisory lock.
/// </summary>
public sealed class PostgresLedgerStore : AdoLedgerStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store over the database <paramref name="connectionString"/> names (Npgsql syntax).</summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed.</exception>
    public PostgresLedgerStore(string connectionString)
        : base(PostgresLedgerSql.Instance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The parser's message may quote the string, password included: say only what is wrong.
            throw new ArgumentException("The PostgreSQL connection string cannot be parsed (Npgsql syntax: Host=…;Port=…;Username=…;Database=…).", nameof(connectionString), ex.InnerException);
        }
        Server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the ledger lives (host, port and database; never the credentials), for messages.</summary>
    public string Server { get; }

    /// <summary>
    /// Holds a PostgreSQL advisory lock while migrating, so that workers starting together apply each
    /// migration once instead of racing to create the same tables.
    /// </summary>
    protected override async ValueTask<IAsyncDisposable> EnterMigrationLockAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunMigrationLockAsync(connection, PostgresLedgerSql.TakeMigrationLock, cancellationToken).ConfigureAwait(false);
            return new MigrationLock(connection);
        }
        catch
        {
            // Closing the session releases the lock, should it have been taken.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override string DescribeFailure(DbException exception) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => $"PostgreSQL at {Server} refused the credentials",
        PostgresException { SqlState: "3D000" } => $"the database of {Server} does not exist",
        PostgresException { SqlState: "42501" } => $"the PostgreSQL user may not write the ledger tables at {Server}",
        PostgresException { SqlState: "53100" } => $"the disk of PostgreSQL at {Server} is full",
        PostgresException { SqlState: "25006" } => $"PostgreSQL at {Server} is read-only (a standby?)",
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => $"PostgreSQL at {Server} is shutting down or starting",
        PostgresException postgres => $"PostgreSQL error {postgres.SqlState}: {postgres.MessageText}",
        NpgsqlException { InnerException: SocketException or TimeoutException } => $"PostgreSQL at {Server} cannot be reached",
        _ => exception.Message,
    };

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore() => _dataSource.DisposeAsync();

    private static async Task RunMigrationLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", PostgresLedgerSql.MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The held migration lock: its session, which unlocks and closes on disposal.</summary>
    private sealed class MigrationLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await RunMigrationLockAsync(connection, PostgresLedgerSql.ReleaseMigrationLock, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // The migrations' outcome stands whatever happens here. Drop the session from the pool instead
                // of returning it: closing it then ends the session, and with it the lock, instead of lending
                // the lock to the pool's next user.
                NpgsqlConnection.ClearPool(connection);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
