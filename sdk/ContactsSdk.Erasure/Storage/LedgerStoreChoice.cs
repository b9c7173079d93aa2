using System;
using ContactsSdk.Erasure.Storage.Postgres;
using ContactsSdk.Erasure.Storage.Sqlite;
using Npgsql;
using Quartz;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// The ledger store the options describe, and the Quartz job store that follows it into the same
/// database. The only place that turns the plain store settings into Quartz configuration, so no
/// Quartz type reaches the public options.
/// </summary>
internal abstract record LedgerStoreChoice
{
    /// <summary>The choice <paramref name="options"/> describe; null when they name no store, both, or a connection string that cannot be parsed (the validator says which).</summary>
    public static LedgerStoreChoice? From(ErasureOptions options)
    {
        var sqlite = options.Sqlite.Path;
        var postgres = options.PostgreSql.ConnectionString;
        return (string.IsNullOrWhiteSpace(sqlite), string.IsNullOrWhiteSpace(postgres)) switch
        {
            (false, true) => new SqliteChoice(sqlite!),
            (true, false) when CanParse(postgres!) => new PostgresChoice(postgres!, options.PostgreSql.CheckinInterval, options.PostgreSql.CheckinMisfireThreshold),
            _ => null,
        };
    }

    /// <summary>Whether Npgsql can parse <paramref name="connectionString"/> (its message is not kept: it may quote a password).</summary>
    public static bool CanParse(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Creates the ledger store (once: the store is a singleton).</summary>
    public abstract IErasureLedgerStore CreateStore();

    /// <summary>Points Quartz's persistent job store at the ledger's database.</summary>
    public abstract void ConfigureJobStore(IPersistentStoreBuilder jobStore);

    private sealed record SqliteChoice(string DatabasePath) : LedgerStoreChoice
    {
        public override IErasureLedgerStore CreateStore() => new SqliteLedgerStore(DatabasePath);

        public override void ConfigureJobStore(IPersistentStoreBuilder jobStore) =>
            jobStore.UseSqlite(SqliteLedgerStore.ConnectionString(DatabasePath));
    }

    private sealed record PostgresChoice(string ConnectionString, TimeSpan? CheckinInterval, TimeSpan? CheckinMisfireThreshold) : LedgerStoreChoice
    {
        public override IErasureLedgerStore CreateStore() => new PostgresLedgerStore(ConnectionString);

        public override void ConfigureJobStore(IPersistentStoreBuilder jobStore)
        {
            jobStore.UsePostgres(NpgsqlFactory.Instance, ConnectionString);
            jobStore.UseClustering(clustering =>
            {
                if (CheckinInterval is { } interval)
                {
                    clustering.CheckinInterval = interval;
                }
                if (CheckinMisfireThreshold is { } threshold)
                {
                    clustering.CheckinMisfireThreshold = threshold;
                }
            });
        }

        // The connection string may hold a password: never in a message or log.
        protected override bool PrintMembers(System.Text.StringBuilder builder) => false;
    }
}
