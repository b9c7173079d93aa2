using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// Measures how long the surviving workers take to resume a killed worker's erasures. At the kill it
/// reads, from Quartz's <c>qrtz_fired_triggers</c>, the wake-ups the killed instance held (running, or
/// acquired to run soon); then it watches for each of them to be fired by another instance, and for
/// the killed instance to be struck from <c>qrtz_scheduler_state</c> (declared dead). Afterwards the
/// ledger says when each held erasure next moved.
/// </summary>
/// <remarks>
/// An erasure's takeover time is from the kill (or from the time its wake-up was due, when that is
/// later) to the first of: another instance firing its wake-up, or a new entry in its ledger.
/// </remarks>
internal sealed class TakeoverMonitor : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _connectionString;
    private readonly string _killedInstance;
    private readonly DateTimeOffset _killedAt;
    private readonly IReadOnlyList<HeldWakeup> _held;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firedElsewhereAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private DateTimeOffset? _declaredDeadAt;

    private TakeoverMonitor(string connectionString, string killedInstance, DateTimeOffset killedAt, IReadOnlyList<HeldWakeup> held)
    {
        _connectionString = connectionString;
        _killedInstance = killedInstance;
        _killedAt = killedAt;
        _held = held;
        _sampling = SampleAsync(_stop.Token);
    }

    /// <summary>One wake-up the killed instance held: the erasure, Quartz's state of it (EXECUTING or ACQUIRED), when it was due.</summary>
    public sealed record HeldWakeup(string ErasureId, string State, DateTimeOffset DueAt);

    /// <summary>What the killed instance held at the kill.</summary>
    public IReadOnlyList<HeldWakeup> Held => _held;

    /// <summary>Starts watching, right after <paramref name="killedInstance"/> was killed at <paramref name="killedAt"/>.</summary>
    public static async Task<TakeoverMonitor> StartAsync(string connectionString, string killedInstance, DateTimeOffset killedAt)
    {
        var held = new List<HeldWakeup>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT job_name, state, sched_time FROM qrtz_fired_triggers WHERE instance_name = @instance AND job_group = 'contactssdk-erasure'", connection);
            command.Parameters.AddWithValue("instance", killedInstance);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // Quartz.NET stores instants as UTC ticks.
                held.Add(new HeldWakeup(reader.GetString(0), reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
            }
        }
        return new TakeoverMonitor(connectionString, killedInstance, killedAt, held);
    }

    /// <summary>Stops watching and works out the figures, reading the ledger for the held erasures' next entries.</summary>
    public async Task<TakeoverFigures> FinishAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        var firstEntryAt = await FirstLedgerEntriesAfterKillAsync();
        var takeovers = new List<TimeSpan>();
        var unobserved = 0;
        foreach (var wakeup in _held)
        {
            var candidates = new[] { _firedElsewhereAt.GetValueOrDefault(wakeup.ErasureId), firstEntryAt.GetValueOrDefault(wakeup.ErasureId) }
                .Where(at => at != default).ToList();
            if (candidates.Count == 0)
            {
                unobserved++;
                continue;
            }
            var from = wakeup.DueAt > _killedAt ? wakeup.DueAt : _killedAt;
            var takeover = candidates.Min() - from;
            takeovers.Add(takeover > TimeSpan.Zero ? takeover : TimeSpan.Zero);
        }
        takeovers.Sort();
        return new TakeoverFigures(
            _held.Count(h => h.State == "EXECUTING"), _held.Count(h => h.State != "EXECUTING"),
            _declaredDeadAt - _killedAt, takeovers, unobserved);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampling;
        }
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        var held = _held.Select(h => h.ErasureId).ToArray();
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                await SampleFiredElsewhereAsync(connection, held, cancellationToken);
                await SampleDeclaredDeadAsync(connection, cancellationToken);
                await Task.Delay(SampleInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Finished.
        }
    }

    private async Task SampleFiredElsewhereAsync(NpgsqlConnection connection, string[] held, CancellationToken cancellationToken)
    {
        if (held.Length == 0 || _firedElsewhereAt.Count == held.Length)
        {
            return;
        }
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT job_name FROM qrtz_fired_triggers WHERE instance_name <> @instance AND job_name = ANY(@held)", connection);
        command.Parameters.AddWithValue("instance", _killedInstance);
        command.Parameters.AddWithValue("held", held);
        var now = DateTimeOffset.UtcNow;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _firedElsewhereAt.TryAdd(reader.GetString(0), now);
        }
    }

    private async Task SampleDeclaredDeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_declaredDeadAt is not null)
        {
            return;
        }
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = @instance", connection);
        command.Parameters.AddWithValue("instance", _killedInstance);
        var now = DateTimeOffset.UtcNow;
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            _declaredDeadAt = now;
        }
    }

    private async Task<Dictionary<string, DateTimeOffset>> FirstLedgerEntriesAfterKillAsync()
    {
        var first = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT erasure_id, MIN(recorded_at) FROM erasure_entries WHERE recorded_at > @killed AND erasure_id = ANY(@held) GROUP BY erasure_id", connection);
        command.Parameters.AddWithValue("killed", _killedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("held", _held.Select(h => h.ErasureId).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            first[reader.GetString(0)] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        }
        return first;
    }
}

/// <summary>
/// The takeover figures: how many wake-ups the killed worker held (running, acquired), how long until
/// it was declared dead, each held erasure's takeover time (sorted), and how many showed no sign of
/// being taken over (they had nothing left to record, and their re-run was too quick to be sampled).
/// </summary>
internal sealed record TakeoverFigures(int Executing, int Acquired, TimeSpan? DeclaredDeadAfter, IReadOnlyList<TimeSpan> Takeovers, int Unobserved)
{
    public TimeSpan? Median => Takeovers.Count == 0 ? null : Takeovers[Takeovers.Count / 2];

    public TimeSpan? Max => Takeovers.Count == 0 ? null : Takeovers[^1];
}
