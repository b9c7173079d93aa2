using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Worker;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Lifecycle;
using Npgsql;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// Holds the ledger of a load run against the emulator's truth: erasures lost (not closed), contacts
/// sent twice (a contact key in more than one operation, or a key no erasure has), and verdicts that
/// disagree with the emulator (an erasure that claimed an operation other than the one that carried its
/// own keys, whose keys were split over several operations, or whose verdict is not that operation's
/// outcome). Several erasures may share one operation: that is how requests are coalesced.
/// </summary>
internal sealed record LoadOutcomeCheck(
    int Erasures, int Closed, int Lost, int Operations, int SentTwice, int Disagreements,
    IReadOnlyDictionary<string, int> Verdicts, IReadOnlyList<string> Problems)
{
    public static async Task<LoadOutcomeCheck> RunAsync(string connectionString, MarketingCloudEmulator emulator, string prefix, int erasures)
    {
        var rows = await ReadLedgerAsync(connectionString);
        var operations = emulator.Operations;
        var byKey = operations.SelectMany(o => o.Request.Keys.Select(k => (Key: k, Operation: o)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Operation).ToList(), StringComparer.Ordinal);
        var problems = new List<string>();

        var closed = 0;
        var disagreements = 0;
        for (var i = 0; i < erasures; i++)
        {
            var requestId = WorkerArguments.RequestIdOf(prefix, i);
            if (!rows.TryGetValue(requestId, out var row))
            {
                problems.Add($"{requestId}: not in the ledger");
                continue;
            }
            if (row.State == nameof(ErasureState.Closed))
            {
                closed++;
            }
            var expectedKeys = WorkerArguments.KeysOf(requestId, i);
            var sent = expectedKeys.SelectMany(k => byKey.GetValueOrDefault(k) ?? []).DistinctBy(o => o.OperationId).ToList();
            var truth = sent.Count == 1 && expectedKeys.All(k => byKey.ContainsKey(k)) ? sent[0] : null;
            if (truth is null || row.OperationId != truth.OperationId || row.Verdict != VerdictOf(truth.Outcome))
            {
                disagreements++;
                problems.Add($"{requestId}: ledger {row.State}/{row.Verdict} operation {row.OperationId}; emulator {sent.Count} operation(s){(truth is null ? "" : $", {truth.OperationId} {truth.Outcome}")}");
            }
        }

        var sentTwice = byKey.Sum(g => g.Value.Count - 1) + byKey.Keys.Count(key => !rows.ContainsKey(RequestIdOfKey(key)));
        var verdicts = rows.Values.GroupBy(r => r.Verdict ?? "(none)").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LoadOutcomeCheck(erasures, closed, erasures - closed, operations.Count, sentTwice, disagreements, verdicts, problems);
    }

    /// <summary>The verdict the ledger must hold for a deletion the emulator ended with <paramref name="outcome"/>.</summary>
    public static string VerdictOf(DeleteOutcome outcome) => outcome switch
    {
        DeleteOutcome.Completed => nameof(ErasureVerdict.Deleted),
        DeleteOutcome.Aborted => nameof(ErasureVerdict.Restored),
        DeleteOutcome.Invalid => nameof(ErasureVerdict.Invalid),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The worker writes keys as <c>{requestId}-contact-{k}</c>.</summary>
    private static string RequestIdOfKey(string key) => key[..key.LastIndexOf("-contact-", StringComparison.Ordinal)];

    private sealed record LedgerRow(string State, string? Verdict, long? OperationId);

    private static async Task<Dictionary<string, LedgerRow>> ReadLedgerAsync(string connectionString)
    {
        var rows = new Dictionary<string, LedgerRow>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT request_id, state, verdict, operation_id FROM erasures", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = new LedgerRow(
                reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }
        return rows;
    }
}
