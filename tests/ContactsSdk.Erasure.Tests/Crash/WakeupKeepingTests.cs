using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Crash;

/// <summary>
/// A worker process stopped while its erasures' steps are running, gracefully (SIGTERM, as a deploy
/// or a scale-down stops it) or not (SIGKILL): afterwards Quartz's store in the ledger file holds
/// exactly one wake-up per active erasure, and a worker started again closes every erasure with one
/// delete each.
/// </summary>
public sealed class WakeupKeepingTests
{
    /// <summary>The worker's exit code after a graceful stop by SIGTERM (128 + 15).</summary>
    private const int StoppedBySigterm = 143;

    private const int Count = 4;

    /// <summary>Held long enough that every status read is still in flight when the signal comes.</summary>
    private static readonly TimeSpan HeldStatusRead = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    private readonly ITestOutputHelper _output;

    public WakeupKeepingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task A_worker_stopped_by_SIGTERM_during_running_steps_leaves_one_wake_up_per_active_erasure()
    {
        await using var emulator = await StartEmulatorAsync();
        using var directory = new TempDirectory();
        var ledger = directory.File("erasure.db");
        HoldEveryStatusRead(emulator);

        using (var worker = WorkerProcess.Start(emulator, ledger, "term", Count))
        {
            await WaitForStatusReadsInFlightAsync(emulator, worker, Count);
            var stopping = Stopwatch.StartNew();
            worker.Terminate();
            var code = await worker.WaitAsync(RunLimit);
            _output.WriteLine($"SIGTERM to exit: {stopping.Elapsed.TotalSeconds:F1} s\n{worker.Output}");
            Assert.True(code == StoppedBySigterm, $"The worker ended with {code} instead of stopping on SIGTERM:\n{worker.Output}");
        }

        await AssertOneWakeupPerActiveErasureAsync(ledger, expectedActive: Count);
        await FinishAsync(emulator, ledger, "term");
    }

    [Fact]
    public async Task Killed_by_SIGKILL_then_stopped_by_SIGTERM_after_recovery_the_store_keeps_one_wake_up_per_active_erasure()
    {
        await using var emulator = await StartEmulatorAsync();
        using var directory = new TempDirectory();
        var ledger = directory.File("erasure.db");
        HoldEveryStatusRead(emulator);

        using (var killed = WorkerProcess.Start(emulator, ledger, "kill", Count))
        {
            await WaitForStatusReadsInFlightAsync(emulator, killed, Count);
            killed.Kill();
        }
        await AssertOneWakeupPerActiveErasureAsync(ledger, expectedActive: Count);

        // Started again: recovery runs the killed steps again; they are running when SIGTERM comes.
        var readsBefore = emulator.Statistics.StatusRequests;
        using (var recovered = WorkerProcess.Start(emulator, ledger, "kill", Count))
        {
            await WaitForStatusReadsInFlightAsync(emulator, recovered, readsBefore + Count);
            recovered.Terminate();
            var code = await recovered.WaitAsync(RunLimit);
            Assert.True(code == StoppedBySigterm, $"The worker ended with {code} instead of stopping on SIGTERM:\n{recovered.Output}");
        }
        await AssertOneWakeupPerActiveErasureAsync(ledger, expectedActive: Count);
        await FinishAsync(emulator, ledger, "kill");
    }

    /// <summary>
    /// Deletions that stay in their first phase longer than the test's stops take: a graceful stop
    /// lets the held reads finish, and every erasure must still be active afterwards.
    /// </summary>
    private static Task<MarketingCloudEmulator> StartEmulatorAsync() => MarketingCloudEmulator.StartAsync(new EmulatorOptions
    {
        NumberOfRestorableDays = 0,
        // A 45-second call in the delete queue: the shared request stays in its first phase while the
        // test stops its workers (its lead's status reads, each held 3 s, are the steps running then).
        DeleteCallFixedTime = TimeSpan.FromSeconds(45),
        DeleteCallTimePerContact = TimeSpan.Zero,
        DeletePhaseDuration = TimeSpan.FromMilliseconds(300),
    });

    private static void HoldEveryStatusRead(MarketingCloudEmulator emulator) =>
        emulator.Faults.AddRule(EmulatorRoute.Status, Fault.SlowResponse(HeldStatusRead), probability: 1);

    /// <summary>Waits until the emulator has received <paramref name="reads"/> status reads in all: with every read held, each is a step still running.</summary>
    private static async Task WaitForStatusReadsInFlightAsync(MarketingCloudEmulator emulator, WorkerProcess worker, long reads)
    {
        var waited = Stopwatch.StartNew();
        while (emulator.Statistics.StatusRequests < reads)
        {
            Assert.False(worker.HasExited, $"The worker ended before its steps were running:\n{worker.Output}");
            Assert.True(waited.Elapsed < RunLimit, $"Only {emulator.Statistics.StatusRequests} of {reads} status reads arrived within {RunLimit}:\n{worker.Output}");
            await Task.Delay(20);
        }
    }

    private async Task AssertOneWakeupPerActiveErasureAsync(string ledger, int? expectedActive)
    {
        var wakeups = await QuartzStoreFile.WakeupsPerActiveErasureAsync(ledger);
        _output.WriteLine($"{wakeups.Count} active erasures; wake-ups: {QuartzStoreFile.Describe(wakeups)}");
        if (expectedActive is { } active)
        {
            Assert.Equal(active, wakeups.Count);
        }
        Assert.True(wakeups.Values.All(count => count == 1), "Wake-ups per active erasure: " + QuartzStoreFile.Describe(wakeups));
    }

    /// <summary>The status route answers at once again; a worker started again closes every erasure, one delete each.</summary>
    private async Task FinishAsync(MarketingCloudEmulator emulator, string ledger, string prefix)
    {
        emulator.Faults.Clear();
        using var worker = WorkerProcess.Start(emulator, ledger, prefix, Count);
        var code = await worker.WaitAsync(RunLimit);
        _output.WriteLine(worker.Output);
        Assert.True(code == 0, $"The restarted worker ended with {code}:\n{worker.Output}");
        await LedgerAssertions.EveryErasureDeletedOnceAsync(emulator, ledger, prefix, Count);
    }
}
