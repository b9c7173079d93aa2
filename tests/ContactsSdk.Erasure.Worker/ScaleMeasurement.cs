using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Worker;

/// <summary>
/// What a large ledger costs the worker: the same batch of due erasures is run to its end once over an
/// empty ledger (the baseline) and once over a ledger already holding many closed erasures, each in a
/// fresh host of this process, against an in-process emulator whose deletions last about a second.
/// Reports peak working set, managed heap, CPU time per due erasure and the start-up cost, as ratios.
/// Usage: scale [closed-erasures (100000)] [due-erasures (200)] [directory (temp)]
/// </summary>
internal static class ScaleMeasurement
{
    public static async Task<int> RunAsync(string[] args)
    {
        var closed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var due = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var directory = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "erasure-scale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);

        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            NumberOfRestorableDays = 0,
            PendingDuration = TimeSpan.FromMilliseconds(300),
            // The ledger's cost per due erasure is measured, not the queue: queued calls would only add idle time.
            DeleteQueueEnabled = false,
            DeletePhaseDuration = TimeSpan.FromMilliseconds(300),
        });

        var seeded = Path.Combine(directory, "seeded.db");
        var seeding = Stopwatch.StartNew();
        await SeedClosedAsync(seeded, closed);
        Console.WriteLine($"seeded {closed} closed erasures in {seeding.Elapsed.TotalSeconds:F1} s ({new FileInfo(seeded).Length / 1024 / 1024} MiB)");

        // A first, unmeasured batch pays for JIT compilation and connection pools, so neither measured run does.
        await RunBatchAsync(emulator, Path.Combine(directory, "warm-up.db"), "warm-up", Math.Min(due, 20));
        var baseline = await RunBatchAsync(emulator, Path.Combine(directory, "empty.db"), "baseline", due);
        var large = await RunBatchAsync(emulator, seeded, "large", due);
        Report("empty ledger (baseline)", baseline, due);
        Report($"{closed:N0} closed erasures in the ledger", large, due);
        Console.WriteLine(FormattableString.Invariant(
            $"ratios large/baseline: peak working set {large.PeakWorkingSet / (double)baseline.PeakWorkingSet:F2}, managed heap after {large.ManagedAfter / (double)baseline.ManagedAfter:F2}, CPU per due erasure {large.Cpu.TotalMilliseconds / baseline.Cpu.TotalMilliseconds:F2}, start {large.Start.TotalMilliseconds / baseline.Start.TotalMilliseconds:F2}"));
        return 0;
    }

    private sealed record BatchFigures(TimeSpan Start, TimeSpan Wall, TimeSpan Cpu, long PeakWorkingSet, long ManagedAfter);

    private static void Report(string name, BatchFigures figures, int due) => Console.WriteLine(FormattableString.Invariant(
        $"{name}: start {figures.Start.TotalMilliseconds:F0} ms, {due} erasures closed in {figures.Wall.TotalSeconds:F1} s, CPU {figures.Cpu.TotalMilliseconds:F1} ms per due erasure, peak working set {figures.PeakWorkingSet / 1024 / 1024} MiB, managed heap after {figures.ManagedAfter / 1024 / 1024} MiB"));

    /// <summary>
    /// Writes closed erasures, each with a valid three-entry chain, with the SQLite store's own
    /// statements, batched into large transactions (one transaction per erasure would take an hour).
    /// </summary>
    private static async Task SeedClosedAsync(string path, int count)
    {
        var store = new SqliteLedgerStore(path);
        await store.MigrateAsync();
        var sql = SqliteLedgerSql.Instance;
        var chain = new LedgerChain(CrashTestSettings.SubjectHashKey);
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        await using var connection = new SqliteConnection(SqliteLedgerStore.ConnectionString(path));
        await connection.OpenAsync();
        for (var batch = 0; batch < count; batch += 5000)
        {
            await using var transaction = connection.BeginTransaction();
            for (var i = batch; i < Math.Min(count, batch + 5000); i++)
            {
                var id = Guid.NewGuid();
                var when = at.AddSeconds(i);
                var first = chain.Next(id, 1, LedgerChain.Origin, EntryKinds.Submitted, when, "{\"subjectCount\":1}");
                var accepted = chain.Next(id, 2, first.Hash, EntryKinds.Accepted, when.AddSeconds(1), "{\"operationId\":" + (1_000_000 + i) + "}");
                var verdict = chain.Next(id, 3, accepted.Hash, EntryKinds.Verdict, when.AddDays(14), "{\"verdict\":\"Deleted\"}");
                await ExecuteAsync(connection, sql.InsertErasure, ("erasure_id", id.ToString("D")), ("request_id", $"seed-{i}"), ("account_id", 100012345L),
                    ("subject_kind", "ContactKeys"), ("subject_count", 1L), ("state", "ReadyToSend"), ("submitted_at", first.RecordedAt.ToUnixTimeMilliseconds()),
                    ("version", 1L), ("last_hash", first.Hash), ("subjects", null));
                await ExecuteAsync(connection, sql.UpdateErasure, ("erasure_id", id.ToString("D")), ("state", "Closed"), ("verdict", "Deleted"),
                    ("operation_id", 1_000_000L + i), ("concluded_at", verdict.RecordedAt.ToUnixTimeMilliseconds()), ("updated_at", verdict.RecordedAt.ToUnixTimeMilliseconds()),
                    ("new_version", 3L), ("last_hash", verdict.Hash), ("expected_version", 1L));
                foreach (var entry in new[] { first, accepted, verdict })
                {
                    await ExecuteAsync(connection, sql.InsertEntry, ("erasure_id", id.ToString("D")), ("sequence", entry.Sequence), ("kind", entry.Kind),
                        ("recorded_at", entry.RecordedAt.ToUnixTimeMilliseconds()), ("payload", entry.Payload), ("previous_hash", entry.PreviousHash), ("hash", entry.Hash));
                }
            }
            await transaction.CommitAsync();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<BatchFigures> RunBatchAsync(MarketingCloudEmulator emulator, string ledger, string prefix, int due)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var self = Process.GetCurrentProcess();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddContactsSdk(o =>
        {
            o.EndpointOverride = emulator.BaseAddress;
            o.ClientId = emulator.Credentials.ClientId;
            o.ClientSecret = emulator.Credentials.ClientSecret;
            o.AccountId = new AccountId(emulator.Credentials.AccountId);
        });
        builder.Services.AddContactsErasure(o =>
        {
            o.UseSqlite(ledger);
            o.SubjectHashKey = CrashTestSettings.SubjectHashKey;
            o.FirstPollDelay = TimeSpan.FromMilliseconds(200);
            o.MaxPollInterval = TimeSpan.FromSeconds(1);
            o.SendSlotRetryDelay = TimeSpan.FromMilliseconds(50);
            o.ReconcileSettleTime = TimeSpan.FromSeconds(1);
            o.RetryDelay = TimeSpan.FromMilliseconds(300);
        });
        using var host = builder.Build();

        var cpuBefore = self.TotalProcessorTime;
        var started = Stopwatch.StartNew();
        await host.StartAsync();
        var start = started.Elapsed;
        var service = host.Services.GetRequiredService<IErasureService>();
        var run = Stopwatch.StartNew();
        for (var i = 0; i < due; i++)
        {
            await service.SubmitAsync(new ErasureRequest($"{prefix}-{i}", ErasureSubjects.ContactKeys([$"{prefix}-{i}-key"])));
        }
        long peak = 0;
        while (true)
        {
            self.Refresh();
            peak = Math.Max(peak, self.WorkingSet64);
            var active = await service.ListAsync(new ErasureListQuery { ActiveOnly = true, SubmittedFrom = DateTimeOffset.UtcNow.AddHours(-1), PageSize = 1 });
            if (active.Count == 0)
            {
                break;
            }
            if (run.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("The batch did not finish within 10 minutes.");
            }
            await Task.Delay(50);
        }
        var wall = run.Elapsed;
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        await host.StopAsync();
        GC.Collect();
        return new BatchFigures(start, wall, cpu / due, Math.Max(peak, self.WorkingSet64), GC.GetTotalMemory(forceFullCollection: true));
    }
}
