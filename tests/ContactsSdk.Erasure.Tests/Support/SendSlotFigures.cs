using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using Npgsql;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// How the ledger-wide send slot was used in a run, read from the ledger: the slot is taken by an
/// intent-to-send entry and released by the entry that settles the request (accepted, reconciled,
/// not processed, not received, refused). Held: how long a request kept it. Idle: from a release to
/// the next intent, the time no delete could be in flight although erasures were waiting.
/// </summary>
internal sealed record SendSlotFigures(int Sends, TimeSpan Span, TimeSpan HeldTotal, TimeSpan MedianHeld, TimeSpan MedianIdle, TimeSpan P90Idle)
{
    private static readonly string[] Releases =
        [EntryKinds.Accepted, EntryKinds.Reconciled, EntryKinds.NotProcessed, EntryKinds.NotReceived, EntryKinds.Refused];

    /// <summary>The share of the sending period during which a delete request was in flight or being settled.</summary>
    public double Utilisation => Span > TimeSpan.Zero ? HeldTotal / Span : 0;

    public static async Task<SendSlotFigures> ReadAsync(string connectionString)
    {
        var events = new List<(long At, bool Take)>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT recorded_at, kind FROM erasure_entries WHERE kind = ANY(@kinds) ORDER BY recorded_at, sequence", connection);
            command.Parameters.AddWithValue("kinds", Releases.Append(EntryKinds.IntentToSend).ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add((reader.GetInt64(0), reader.GetString(1) == EntryKinds.IntentToSend));
            }
        }

        var held = new List<long>();
        var idle = new List<long>();
        long? takenAt = null;
        long? releasedAt = null;
        foreach (var (at, take) in events)
        {
            if (take)
            {
                if (releasedAt is { } r)
                {
                    idle.Add(at - r);
                }
                takenAt = at;
            }
            else if (takenAt is { } t)
            {
                held.Add(at - t);
                releasedAt = at;
                takenAt = null;
            }
        }
        var span = events.Count > 1 ? events[^1].At - events[0].At : 0;
        return new SendSlotFigures(
            held.Count, TimeSpan.FromMilliseconds(span), TimeSpan.FromMilliseconds(held.Sum()),
            Percentile(held, 0.5), Percentile(idle, 0.5), Percentile(idle, 0.9));
    }

    private static TimeSpan Percentile(List<long> values, double share)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }
        values.Sort();
        return TimeSpan.FromMilliseconds(values[(int)Math.Min(values.Count - 1, values.Count * share)]);
    }
}
