using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace ContactsSdk.Erasure.Storage.Sqlite;

/// <summary>
/// The embedded ledger: one SQLite file (WAL journal), shared with Quartz's job store by default.
/// Writes take SQLite's write lock at their start (BEGIN IMMEDIATE), so concurrent writers queue
/// instead of failing halfway.
/// </summary>
public sealed class SqliteLedgerStore : AdoLedgerStore
{
    private readonly string _connectionString;

    /// <summary>Creates a store over the SQLite file at <paramref name="databasePath"/> (created when missing).</summary>
    public SqliteLedgerStore(string databasePath)
        : base(SqliteLedgerSql.Instance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = databasePath;
        _connectionString = ConnectionString(databasePath);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The connection string this store uses for a database file (also handed to Quartz).</summary>
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        // Microsoft.Data.Sqlite retries a busy database for the command timeout.
        DefaultTimeout = 30,
    }.ToString();

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqliteLedgerSql.ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Closes the pooled connections to the ledger file, so that nothing of this store keeps the file
    /// open (a host that moves or deletes it once stopped can). Quartz, which uses the same connection
    /// string, opens a new connection when it next needs one.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <inheritdoc />
    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // deferred: false is BEGIN IMMEDIATE: the write lock is taken now, so no read-then-upgrade deadlock.
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc />
    protected override string DescribeFailure(DbException exception) => exception is SqliteException sqlite
        ? sqlite.SqliteErrorCode switch
        {
            8 => $"the ledger file '{DatabasePath}' is read-only",
            13 => $"the disk holding the ledger file '{DatabasePath}' is full",
            14 => $"the ledger file '{DatabasePath}' cannot be opened",
            5 or 6 => "the ledger stayed locked by another writer",
            11 or 26 => $"the ledger file '{DatabasePath}' is damaged or not a database",
            _ => $"SQLite error {sqlite.SqliteErrorCode}: {sqlite.Message}",
        }
        : exception.Message;
}
