using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Postgres;
using ContactsSdk.Erasure.Tests.Support;
using Npgsql;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Storage;

/// <summary>
/// The PostgreSQL store against the same store contract as SQLite, on a real server (see
/// <see cref="PostgresTestDatabase"/>), plus what only a shared server can do wrong.
/// </summary>
public sealed class PostgresLedgerStoreTests : LedgerStoreContract, IAsyncLifetime
{
    private readonly List<PostgresTestDatabase> _databases = [];
    private readonly List<PostgresLedgerStore> _stores = [];

    private readonly Dictionary<IErasureLedgerStore, PostgresTestDatabase> _databaseOf = [];

    protected override async Task<IErasureLedgerStore> CreateEmptyStoreAsync() => NewStore(await NewDatabaseAsync());

    private protected override LedgerSql Sql => PostgresLedgerSql.Instance;

    protected override async Task ExecuteAsync(IErasureLedgerStore store, string sql) => await _databaseOf[store].ScalarAsync(sql);

    [SkippableFact]
    public async Task Workers_starting_together_apply_the_schema_once()
    {
        var database = await NewDatabaseAsync();
        var workers = Enumerable.Range(0, 6).Select(_ => NewStore(database)).ToArray();

        await Task.WhenAll(workers.Select(store => store.MigrateAsync()));

        // Each version recorded once: no worker applied a migration another had applied.
        Assert.Equal((long)workers[0].CurrentSchemaVersion, Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM erasure_schema_version")));
        var erasure = NewErasure("req-after-race", DateTimeOffset.UtcNow);
        Assert.True(await workers[0].TryCreateAsync(erasure));
        Assert.Equal(erasure.Record, await workers[5].FindAsync(erasure.Record.ErasureId));
    }

    [SkippableFact]
    public async Task A_migration_called_through_the_base_class_or_the_interface_waits_for_the_migration_lock()
    {
        var database = await NewDatabaseAsync();
        var application = "migration-lock-" + Guid.NewGuid().ToString("N");
        var store = NewStore(database, new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = application }.ToString());
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await MigrationLockAsync(holder, PostgresLedgerSql.TakeMigrationLock);

        AdoLedgerStore throughBase = store;
        IErasureLedgerStore throughInterface = store;
        var migrations = new[] { throughBase.MigrateAsync(), throughInterface.MigrateAsync() };

        // Both calls queue on the advisory lock (seen by the server), and neither creates a table meanwhile.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Convert.ToInt64(await database.ScalarAsync(
            $"SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name = '{application}'")) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The migrations did not wait for the migration lock.");
            await Task.Delay(20);
        }
        Assert.All(migrations, m => Assert.False(m.IsCompleted));
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync(
            $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{database.Schema}' AND table_name = 'erasures'")));

        await MigrationLockAsync(holder, PostgresLedgerSql.ReleaseMigrationLock);
        await Task.WhenAll(migrations).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((long)store.CurrentSchemaVersion, Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM erasure_schema_version")));
        // Both calls released the lock: it can be taken at once.
        Assert.Equal(true, await database.ScalarAsync($"SELECT pg_try_advisory_lock({PostgresLedgerSql.MigrationLockKey})"));
    }

    [SkippableFact]
    public async Task A_disposed_store_refuses_every_call_and_may_be_disposed_again_either_way()
    {
        var database = await NewDatabaseAsync();
        var store = NewStore(database);
        await store.MigrateAsync();

        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindByRequestIdAsync("req-after-dispose"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.TryCreateAsync(NewErasure("req-after-dispose", DateTimeOffset.UtcNow)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.MigrateAsync());
        await store.DisposeAsync();
        store.Dispose();
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM erasures")));
    }

    [SkippableFact]
    public async Task Of_two_workers_creating_the_same_request_exactly_one_does()
    {
        var database = await NewDatabaseAsync();
        var first = NewStore(database);
        var second = NewStore(database);
        await first.MigrateAsync();

        var results = await Task.WhenAll(
            first.TryCreateAsync(NewErasure("req-shared", DateTimeOffset.UtcNow)),
            second.TryCreateAsync(NewErasure("req-shared", DateTimeOffset.UtcNow)));

        Assert.Single(results, created => created);
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM erasures")));
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM erasure_entries")));
    }

    [SkippableFact]
    public async Task An_unreachable_server_gives_a_clear_error_without_the_password()
    {
        PostgresTestDatabase.RequireServer();
        const string Password = "pw-never-shown-4711";
        var store = new PostgresLedgerStore($"Host=127.0.0.1;Port=1;Username=postgres;Password={Password};Database=ledger;Timeout=2");
        _stores.Add(store);

        var error = await Assert.ThrowsAsync<ErasureLedgerException>(() => store.MigrateAsync());

        Assert.Contains("cannot be reached", error.Message);
        Assert.Contains("127.0.0.1:1/ledger", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresLedgerStore("Host=db;Password=pw-never-shown-4711;NoSuchKeyword=1"));

        Assert.Contains("cannot be parsed", error.Message);
        Assert.DoesNotContain("pw-never-shown-4711", error.ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<PostgresTestDatabase> NewDatabaseAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        _databases.Add(database);
        return database;
    }

    private PostgresLedgerStore NewStore(PostgresTestDatabase database, string? connectionString = null)
    {
        var store = new PostgresLedgerStore(connectionString ?? database.ConnectionString);
        _stores.Add(store);
        _databaseOf[store] = database;
        return store;
    }

    private static async Task MigrationLockAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", PostgresLedgerSql.MigrationLockKey);
        await command.ExecuteNonQueryAsync();
    }
}
