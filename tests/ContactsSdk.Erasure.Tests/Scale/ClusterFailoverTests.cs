using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Erasure.Tests.Scale;

/// <summary>
/// Several worker processes on one real PostgreSQL share the erasures through Quartz clustering; one
/// is killed with SIGKILL mid-run and another started later. Every erasure ends exactly once, with
/// one deletion each, and with the verdict the emulator's truth gives.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Erasures = 60;
    private PostgresTestDatabase? _database;

    [SkippableFact]
    public async Task Three_workers_share_the_erasures_and_the_survivors_finish_a_killed_workers_share()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        await using var emulator = await CrashEmulator.StartAsync();
        var ledger = "postgres:" + _database.ConnectionString;

        // The first worker creates the schemas; the others join the cluster once it has.
        using var first = WorkerProcess.Start(emulator, ledger, "cluster", Erasures);
        await WaitForAsync(() => emulator.Operations.Count >= 1, TimeSpan.FromSeconds(60), first);
        using var second = WorkerProcess.Start(emulator, ledger, "cluster", Erasures);
        using var third = WorkerProcess.Start(emulator, ledger, "cluster", Erasures);

        // Mid-run: a third of the deletions sent, then the first worker dies without a word.
        await WaitForAsync(() => emulator.Operations.Count >= Erasures / 3, TimeSpan.FromSeconds(90), first);
        first.Kill();
        var killedAt = Stopwatch.StartNew();
        var sentAtKill = emulator.Operations.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var latecomer = WorkerProcess.Start(emulator, ledger, "cluster", Erasures);

        var exits = await Task.WhenAll(second.WaitAsync(TimeSpan.FromMinutes(4)), third.WaitAsync(TimeSpan.FromMinutes(4)), latecomer.WaitAsync(TimeSpan.FromMinutes(4)));
        var finishedAfterKill = killedAt.Elapsed;

        Assert.True(exits.All(code => code == 0), $"Exit codes {string.Join(", ", exits)}.\n{second.Output}\n{third.Output}\n{latecomer.Output}");
        // Lost: none. Sent twice: none (one operation per erasure). Verdicts: the emulator completes every deletion.
        Assert.Equal((long)Erasures, await CountAsync("SELECT COUNT(*) FROM erasures WHERE state = 'Closed'"));
        Assert.Equal((long)Erasures, await CountAsync("SELECT COUNT(*) FROM erasures WHERE verdict = 'Deleted'"));
        Assert.Equal((long)Erasures, await CountAsync("SELECT COUNT(DISTINCT operation_id) FROM erasures"));
        Assert.Equal(Erasures, emulator.Operations.Count);
        Assert.Equal(Erasures, emulator.Operations.Select(o => o.Request.Keys[0]).Distinct().Count());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Erasures} erasures, 3 workers then 1 killed (after {sentAtKill} deletions were sent) and 1 started: lost 0, sent twice {emulator.Operations.Count - Erasures}, all closed {finishedAfterKill.TotalSeconds:0.0} s after the kill."));
    }

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await _database!.ScalarAsync(sql), CultureInfo.InvariantCulture);

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, WorkerProcess worker)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit || worker.HasExited)
            {
                throw new TimeoutException($"The condition was not met within {limit}. Worker output:\n{worker.Output}");
            }
            await Task.Delay(50);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
