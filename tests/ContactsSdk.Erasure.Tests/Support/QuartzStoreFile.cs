using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Scheduling;
using Microsoft.Data.Sqlite;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// Reads a stopped worker's SQLite ledger file directly (read-write, so that a write-ahead log a killed worker left is read too): the active erasures (the ledger's rows) and
/// the wake-ups Quartz's job store holds for each (rows of <c>qrtz_triggers</c> for the erasure's job,
/// its own trigger and any recovery trigger alike).
/// </summary>
internal static class QuartzStoreFile
{
    /// <summary>Every active erasure's ID with the number of triggers its job has in the store.</summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> WakeupsPerActiveErasureAsync(string ledgerPath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ledgerPath, Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.erasure_id, (SELECT COUNT(*) FROM qrtz_triggers t WHERE t.job_group = $group AND t.job_name = e.erasure_id)
            FROM erasures e
            WHERE e.state <> 'Closed'
            """;
        command.Parameters.AddWithValue("$group", ErasureWakeups.Group);
        var wakeups = new Dictionary<Guid, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            wakeups[Guid.Parse(reader.GetString(0))] = reader.GetInt32(1);
        }
        return wakeups;
    }

    /// <summary>A readable line for an assertion message: each active erasure and its number of wake-ups.</summary>
    public static string Describe(IReadOnlyDictionary<Guid, int> wakeups) =>
        string.Join(", ", wakeups.Select(w => $"{w.Key:D}: {w.Value}"));
}
