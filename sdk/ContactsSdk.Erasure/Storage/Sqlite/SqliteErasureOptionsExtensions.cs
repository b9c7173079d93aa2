using System;
using Quartz;

namespace ContactsSdk.Erasure.Storage.Sqlite;

/// <summary>Chooses the embedded SQLite ledger.</summary>
public static class SqliteErasureOptionsExtensions
{
    /// <summary>
    /// Keeps the ledger, and Quartz's job store, in one SQLite file at <paramref name="databasePath"/>
    /// (created when missing, schema migrated on start). One process at a time: for several workers
    /// sharing the load, use a server database with Quartz clustering.
    /// </summary>
    public static ErasureOptions UseSqlite(this ErasureOptions options, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var connectionString = SqliteLedgerStore.ConnectionString(databasePath);
        return options.UseStore(_ => new SqliteLedgerStore(databasePath), store => store.UseSqlite(connectionString));
    }
}
