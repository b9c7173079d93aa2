using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Erasure.Tests.Scale;

/// <summary>
/// The load-and-fault test: worker processes on one real PostgreSQL share N erasures through Quartz
/// clustering, against an emulator whose routes all fail now and then (lost answers to deletes, 429s,
/// 5xx, dropped connections, truncated bodies, expired tokens) and which ends some deletions Restored
/// or Invalid. Three workers start; once a third of the deletions are sent one is killed with SIGKILL,
/// and a fourth starts two seconds later. Every erasure must close with exactly one deletion sent and
/// the verdict the emulator's truth gives; the figures, and how long the survivors took to take over
/// the killed worker's erasures, are printed.
/// </summary>
/// <remarks>
/// N is <c>ERASURE_LOAD_ERASURES</c> (default <see cref="DefaultErasures"/>, which keeps the test
/// within CI's time); docs/running-at-scale.md gives the command of the large run.
/// </remarks>
public sealed class LoadAndFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The environment variable that sets the number of erasures.</summary>
    public const string ErasuresVariable = "ERASURE_LOAD_ERASURES";

    /// <summary>
    /// The environment variable that sets Quartz's cluster check-in interval and misfire threshold (both,
    /// in milliseconds) of the workers; Quartz's defaults (7.5 s each) when not set.
    /// </summary>
    public const string CheckinVariable = "ERASURE_LOAD_CHECKIN_MS";

    /// <summary>The number of erasures when <see cref="ErasuresVariable"/> is not set.</summary>
    public const int DefaultErasures = 150;

    private const string Prefix = "load";
    private PostgresTestDatabase? _database;

    [SkippableFact]
    public async Task Workers_under_faults_lose_nothing_send_nothing_twice_and_agree_with_the_emulator_when_one_is_killed()
    {
        var erasures = ErasureCount();
        _database = await PostgresTestDatabase.CreateAsync();
        await using var emulator = await LoadEmulator.StartAsync();
        var ledger = "postgres:" + _database.ConnectionString;
        // Generous: the bound only ends a run that hangs; the figures say how long it took.
        var timeout = TimeSpan.FromMinutes(5 + (erasures / 100.0));
        var checkin = CheckinMilliseconds();
        string[] load = ["--load", "yes", "--timeout-minutes", timeout.TotalMinutes.ToString(CultureInfo.InvariantCulture),
            .. checkin is { } ms ? new[] { "--checkin-ms", ms.ToString(CultureInfo.InvariantCulture) } : []];
        var run = Stopwatch.StartNew();

        // The first worker creates the schemas; the others join the cluster once it has.
        using var first = WorkerProcess.Start(emulator, ledger, Prefix, erasures, extraArguments: load);
        await WaitForAsync(() => emulator.Operations.Count >= 1, TimeSpan.FromMinutes(2), first);
        using var second = WorkerProcess.Start(emulator, ledger, Prefix, erasures, extraArguments: load);
        using var third = WorkerProcess.Start(emulator, ledger, Prefix, erasures, extraArguments: load);

        await WaitForAsync(() => emulator.Operations.Sum(o => o.Request.Keys.Count) >= erasures / 3, timeout, first);
        var killedInstance = first.ValueAfter("INSTANCE") ?? throw new InvalidOperationException("The first worker did not print its Quartz instance ID.\n" + first.Output);
        first.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var sentAtKill = emulator.Operations.Sum(o => o.Request.Keys.Count);
        await using var takeover = await TakeoverMonitor.StartAsync(_database.ConnectionString, killedInstance, killedAt);
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var latecomer = WorkerProcess.Start(emulator, ledger, Prefix, erasures, extraArguments: load);

        var survivors = new[] { second, third, latecomer };
        var exits = await Task.WhenAll(survivors.Select(w => w.WaitAsync(timeout)));
        var elapsed = run.Elapsed;
        var takeoverFigures = await takeover.FinishAsync();
        var check = await LoadOutcomeCheck.RunAsync(_database.ConnectionString, emulator, Prefix, erasures);
        var slot = await SendSlotFigures.ReadAsync(_database.ConnectionString);

        Report(emulator, erasures, sentAtKill, elapsed, check, takeoverFigures, slot, checkin);
        Assert.True(exits.All(code => code == 0), $"Exit codes {string.Join(", ", exits)}.\n{string.Join("\n----\n", survivors.Select(w => w.Output))}");
        Assert.True(check.Problems.Count == 0, string.Join("\n", check.Problems.Take(50)));
        Assert.Equal(0, check.Lost);
        Assert.Equal(0, check.SentTwice);
        Assert.Equal(0, check.Disagreements);
        // Shared requests: fewer operations than erasures, never more.
        Assert.InRange(check.Operations, 1, erasures);
        // The run met what it claims to test: the emulator's other verdicts, and lost answers to deletes.
        Assert.True(check.Verdicts.GetValueOrDefault(nameof(ErasureVerdict.Restored)) > 0, "No deletion ended Restored.");
        Assert.True(check.Verdicts.GetValueOrDefault(nameof(ErasureVerdict.Invalid)) > 0, "No deletion ended Invalid.");
        Assert.True(emulator.Statistics.FaultsInjected(FaultKind.DropConnectionAfterProcessing) > 0, "No answer was lost after processing.");
        Assert.True(emulator.Statistics.FaultsInjected(FaultKind.TooManyRequests) > 0, "No 429 was injected.");
        Assert.True(takeoverFigures.DeclaredDeadAfter is not null, "The killed worker was never declared dead by the others.");
    }

    private void Report(MarketingCloudEmulator emulator, int erasures, int sentAtKill, TimeSpan elapsed, LoadOutcomeCheck check, TakeoverFigures takeover, SendSlotFigures slot, int? checkin)
    {
        var statistics = emulator.Statistics;
        var created = emulator.Operations.Select(o => o.CreatedAt).Order().ToList();
        var sending = created.Count > 1 ? created[^1] - created[0] : TimeSpan.Zero;
        static string Seconds(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "n/a";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Load-and-fault run: {erasures} erasures, 3 workers, the first killed (SIGKILL) after the deletion of {sentAtKill} erasures' contacts was sent, a fourth started 2 s later.
              erasures lost:              {check.Lost} (closed {check.Closed} of {erasures})
              deletes sent twice:         {check.SentTwice} ({check.Operations} operations at the emulator)
              verdicts disagreeing:       {check.Disagreements} (verdicts: {string.Join(", ", check.Verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}"))})
              killed worker held:         {takeover.Executing} running and {takeover.Acquired} acquired wake-ups
              Quartz check-in:            {(checkin is { } c ? $"interval and misfire threshold {c} ms" : "Quartz's defaults (interval 7.5 s, misfire threshold 7.5 s)")}
              declared dead after:        {Seconds(takeover.DeclaredDeadAfter)}
              takeover time:              median {Seconds(takeover.Median)}, max {Seconds(takeover.Max)} ({takeover.Takeovers.Count} measured, {takeover.Unobserved} without a visible sign)
              run time:                   {elapsed.TotalSeconds:0.0} s; deletes sent over {sending.TotalSeconds:0.0} s ({(sending > TimeSpan.Zero ? (created.Count - 1) / sending.TotalSeconds : 0):0.0} per second)
              send slot:                  {slot.Sends} sends, in use {slot.Utilisation:P0} of {slot.Span.TotalSeconds:0.0} s; held median {slot.MedianHeld.TotalMilliseconds:0} ms; idle between sends median {slot.MedianIdle.TotalMilliseconds:0} ms, 90th percentile {slot.P90Idle.TotalMilliseconds:0} ms
              requests:                   token {statistics.RequestsTo(EmulatorRoute.Token)}, delete {statistics.RequestsTo(EmulatorRoute.Delete)}, status {statistics.RequestsTo(EmulatorRoute.Status)}, analytics {statistics.RequestsTo(EmulatorRoute.DeleteRequests)}
              faults injected:            {string.Join(", ", Enum.GetValues<FaultKind>().Where(k => statistics.FaultsInjected(k) > 0).Select(k => $"{k} {statistics.FaultsInjected(k)}"))}
            """));
    }

    private static int ErasureCount()
    {
        var value = Environment.GetEnvironmentVariable(ErasuresVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultErasures;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 30)
        {
            throw new InvalidOperationException($"{ErasuresVariable} must be a whole number of at least 30 (so a third are sent before the kill and every verdict occurs), not '{value}'.");
        }
        return count;
    }

    private static int? CheckinMilliseconds()
    {
        var value = Environment.GetEnvironmentVariable(CheckinVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds < 100)
        {
            throw new InvalidOperationException($"{CheckinVariable} must be a whole number of milliseconds, at least 100, not '{value}'.");
        }
        return milliseconds;
    }

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
