using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Scheduling;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>
/// One empty store for one measured run (a new SQLite file, or a new PostgreSQL schema) and the
/// questions the measurement asks of it in SQL: erasures by state, the Quartz triggers that wake
/// them, and how large the ledger's and Quartz's tables have grown.
/// </summary>
internal abstract class ActiveScaleStore : IAsyncDisposable
{
    // Every erasure's wake-up is the trigger named after it in this group (see ErasureWakeups).
    private const string WakeupTriggers = "FROM qrtz_triggers t WHERE t.trigger_group = '" + ErasureWakeups.Group + "'";

    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Kind { get; }

    /// <summary>Points the erasure workflow at this store (Quartz's job store follows it).</summary>
    public abstract void Configure(ErasureOptions options);

    /// <summary>The bytes taken by the ledger's tables and by Quartz's, indexes included.</summary>
    public abstract Task<(long Ledger, long Quartz)> SizesAsync();

    public abstract ValueTask DisposeAsync();

    protected abstract DbConnection CreateConnection();

    /// <summary>How many erasures are in each state.</summary>
    public async Task<IReadOnlyDictionary<string, long>> StatesAsync()
    {
        var states = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM erasures GROUP BY state";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states[reader.GetString(0)] = reader.GetInt64(1);
        }
        return states;
    }

    /// <summary>The erasures' wake-up triggers, and how many of all Quartz's triggers are stored.</summary>
    public async Task<(long Wakeups, long All)> TriggerCountsAsync() =>
        (await ScalarAsync("SELECT COUNT(*) " + WakeupTriggers), await ScalarAsync("SELECT COUNT(*) FROM qrtz_triggers"));

    /// <summary>
    /// Active erasures without a wake-up (lost: nothing would ever advance them) and wake-ups of no
    /// active erasure (closed or unknown). A trigger's name is unique in its group, so with both zero
    /// every active erasure has exactly one.
    /// </summary>
    /// <remarks>
    /// Counted through one join, which walks the group's triggers and finds each erasure by its key:
    /// a correlated NOT EXISTS on the triggers cannot use their key (it leads with the scheduler's
    /// name) and, in SQLite, scans every trigger for every erasure.
    /// </remarks>
    public async Task<(long Lost, long Orphaned)> WakeupMismatchesAsync()
    {
        var active = await ScalarAsync("SELECT COUNT(*) FROM erasures WHERE state <> 'Closed'");
        var wakeups = await ScalarAsync("SELECT COUNT(*) " + WakeupTriggers);
        var matched = await ScalarAsync("SELECT COUNT(*) FROM qrtz_triggers t JOIN erasures e ON e.erasure_id = t.trigger_name"
            + " WHERE t.trigger_group = '" + ErasureWakeups.Group + "' AND e.state <> 'Closed'");
        return (active - matched, wakeups - matched);
    }

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>A new empty store of <paramref name="kind"/> for the run named <paramref name="name"/>.</summary>
    public static async Task<ActiveScaleStore> CreateAsync(string kind, string directory, string name) => kind switch
    {
        "sqlite" => new SqliteActiveScaleStore(System.IO.Path.Combine(directory, name + ".db")),
        "postgres" => await PostgresActiveScaleStore.CreateAsync(name),
        _ => throw new ArgumentException($"Unknown store '{kind}': use sqlite or postgres."),
    };
}
