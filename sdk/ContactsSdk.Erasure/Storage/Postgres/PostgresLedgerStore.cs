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
/// row they change; nothing else is locked.
/// </summary>
public sealed class PostgresLedgerStore : AdoLedgerStore, IErasureLedgerStore, IAsyncDisposable
{
    // Any constant: it only has to differ from the advisory locks other software takes on the same database.
    private const long MigrationLockKey = 0x436f6e7461637473; // "Contacts"

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
    /// Migrates the schema while holding a PostgreSQL advisory lock, so that workers starting together
    /// apply each migration once instead of racing to create the same tables.
    /// </summary>
    public new async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection? lockConnection = null;
        try
        {
            lockConnection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await AdvisoryLockAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken).ConfigureAwait(false);
            await base.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await AdvisoryLockAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new ErasureLedgerException($"Could not migrate the ledger schema: {DescribeFailure(ex)}. Nothing was written.", ex);
        }
        finally
        {
            // Closing the session releases the lock too, should the unlock not have run.
            if (lockConnection is not null)
            {
                await lockConnection.DisposeAsync().ConfigureAwait(false);
            }
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
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task AdvisoryLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
