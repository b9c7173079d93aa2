using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>A new SQLite file holding the ledger and Quartz's job store, as <c>UseSqlite</c> sets them up.</summary>
internal sealed class SqliteActiveScaleStore(string path) : ActiveScaleStore
{
    public override string Kind => "sqlite";

    public override void Configure(ErasureOptions options) => options.UseSqlite(path);

    /// <summary>
    /// Splits the file between the ledger and Quartz's tables (named QRTZ_…) without a page-level view
    /// (this SQLite build has no dbstat table): a compacted copy of the whole file, then the same copy
    /// with every table but Quartz's dropped and compacted again. Both exclude free pages.
    /// </summary>
    public override async Task<(long Ledger, long Quartz)> SizesAsync()
    {
        var copy = path + ".sizes";
        File.Delete(copy);
        await using (var connection = CreateConnection())
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"VACUUM INTO '{copy}'");
        }
        var all = new FileInfo(copy).Length;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            var ledgerTables = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'qrtz%' AND name NOT LIKE 'sqlite%'";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ledgerTables.Add(reader.GetString(0));
                }
            }
            await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF");
            foreach (var table in ledgerTables)
            {
                await ExecuteAsync(connection, $"DROP TABLE \"{table}\"");
            }
            await ExecuteAsync(connection, "VACUUM");
        }
        var quartz = new FileInfo(copy).Length;
        File.Delete(copy);
        return (all - quartz, quartz);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(SqliteLedgerStore.ConnectionString(path));
}
