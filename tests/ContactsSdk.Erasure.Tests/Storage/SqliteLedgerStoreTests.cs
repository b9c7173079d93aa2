using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Storage;

/// <summary>The SQLite store against the store contract, plus what only a file can do wrong.</summary>
public sealed class SqliteLedgerStoreTests : LedgerStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IErasureLedgerStore> CreateEmptyStoreAsync() =>
        Task.FromResult<IErasureLedgerStore>(new SqliteLedgerStore(_directory.File($"ledger-{Guid.NewGuid():N}.db")));

    private protected override LedgerSql Sql => SqliteLedgerSql.Instance;

    protected override async Task ExecuteAsync(IErasureLedgerStore store, string sql)
    {
        await using var connection = new SqliteConnection(SqliteLedgerStore.ConnectionString(((SqliteLedgerStore)store).DatabasePath));
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_ledger_with_a_newer_schema_is_refused_with_the_versions_named()
    {
        var path = _directory.File("newer.db");
        var store = new SqliteLedgerStore(path);
        await store.MigrateAsync();
        await using (var connection = new SqliteConnection(SqliteLedgerStore.ConnectionString(path)))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO erasure_schema_version (version) VALUES (99)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<ErasureLedgerException>(() => new SqliteLedgerStore(path).MigrateAsync());

        Assert.Contains("version 99", error.Message);
        Assert.Contains($"version {store.CurrentSchemaVersion}", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_gives_a_clear_error_and_is_left_as_it_was()
    {
        var path = _directory.File("not-a-db.db");
        var content = new string('x', 4096);
        await File.WriteAllTextAsync(path, content);

        var error = await Assert.ThrowsAsync<ErasureLedgerException>(() => new SqliteLedgerStore(path).MigrateAsync());

        Assert.Contains("damaged or not a database", error.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_read_only_ledger_file_gives_a_clear_error_and_nothing_is_half_written()
    {
        var path = _directory.File("read-only.db");
        var store = new SqliteLedgerStore(path);
        await store.MigrateAsync();
        var erasure = NewErasure("req-before", DateTimeOffset.UtcNow);
        await store.TryCreateAsync(erasure);
        SqliteConnection.ClearAllPools();

        using (ReadOnlyFile.Make(path))
        {
            var writer = new SqliteLedgerStore(path);
            var error = await Assert.ThrowsAsync<ErasureLedgerException>(() => writer.TryCreateAsync(NewErasure("req-after", DateTimeOffset.UtcNow)));
            Assert.Contains("read-only", error.Message);
            Assert.Contains("Nothing was written", error.Message);
            SqliteConnection.ClearAllPools();
        }

        var reader = new SqliteLedgerStore(path);
        Assert.NotNull(await reader.FindByRequestIdAsync("req-before"));
        Assert.Null(await reader.FindByRequestIdAsync("req-after"));
    }

    [SkippableFact]
    public async Task Disposing_the_store_closes_its_pooled_connections_to_the_file_and_refuses_later_calls()
    {
        Skip.IfNot(Directory.Exists("/proc/self/fd"), "Needs /proc to see the process's open files.");
        var path = _directory.File("disposed.db");
        var store = new SqliteLedgerStore(path);
        await store.MigrateAsync();
        Assert.True(await store.TryCreateAsync(NewErasure("req-before-dispose", DateTimeOffset.UtcNow)));
        // The pool keeps the file (and its WAL) open between calls: that is what disposal must end.
        Assert.NotEmpty(OpenHandlesTo(path));

        await store.DisposeAsync();

        Assert.Empty(OpenHandlesTo(path));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindByRequestIdAsync("req-before-dispose"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(new LedgerAppend
        {
            Entry = Entry(Guid.NewGuid(), 2, DateTimeOffset.UtcNow), ExpectedVersion = 1, NewState = ErasureState.Sending,
        }));
        store.Dispose();
        // Nothing was lost: a new store reads what the disposed one wrote.
        using var reopened = new SqliteLedgerStore(path);
        Assert.NotNull(await reopened.FindByRequestIdAsync("req-before-dispose"));
    }

    /// <summary>This process's file descriptors open on the database file, its WAL or its shared memory.</summary>
    private static string[] OpenHandlesTo(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.GetFiles("/proc/self/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && (target == full || target == full + "-wal" || target == full + "-shm"))
            .Select(target => target!)
            .ToArray();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
