using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Postgres;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Xunit;
using Xunit.Abstractions;
using ContactsSdk.TestSupport;
using ContactsSdk.TestSupport.Erasure;

namespace ContactsSdk.Erasure.Tests.Crash;

/// <summary>
/// The webhook outbox across SIGKILL: a worker process (webhook mode) is killed after ledger changes
/// were committed and before their webhooks went out, or while a delivery is in flight; restarted, it
/// delivers every event of every erasure to the real receiver at least once.
/// </summary>
public sealed class WebhookCrashTests
{
    private const int KilledBySigkill = 137;
    private const string Secret = "whsec-crash-tests-0123456789";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    private readonly ITestOutputHelper _output;

    public WebhookCrashTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task A_worker_killed_after_its_changes_committed_and_before_their_webhooks_went_out_delivers_every_event_after_a_restart()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        using var directory = new TempDirectory();
        var ledger = directory.File("erasure.db");
        var marker = directory.File("crashed");
        const int count = 3;
        // Nothing listens yet: every event the first run commits stays in the outbox.
        var port = LoopbackPort.Unused();

        using (var crashing = WorkerProcess.Start(emulator, ledger, "hook-crash", count, Environment(port, new Dictionary<string, string>
        {
            ["ERASURE_CRASH_AT"] = "AfterVerdict",
            ["ERASURE_CRASH_MARKER"] = marker,
        })))
        {
            var code = await crashing.WaitAsync(RunLimit);
            Assert.True(code == KilledBySigkill, $"The worker ended with {code} instead of being killed:\n{crashing.Output}");
        }
        Assert.StartsWith("AfterVerdict", await File.ReadAllTextAsync(marker));
        var committedBeforeKill = await LedgerEventsAsync(ledger);
        Assert.Contains(committedBeforeKill, e => e.Kind == "verdict");

        await using var receiver = WebhookReceiver.Start(Secret, port);
        await RunToCompletionAsync(emulator, ledger, "hook-crash", count, port);

        await AssertEveryEventReceivedAsync(receiver, ledger, count);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_worker_killed_while_a_delivery_is_in_flight_sends_it_again_after_a_restart_under_the_same_delivery_ID(string database)
    {
        await using var postgres = database == "postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        await using var emulator = await CrashEmulator.StartAsync();
        using var directory = new TempDirectory();
        // The worker's ledger argument: a SQLite file, or "postgres:" and a connection string (Quartz clustered there).
        var ledger = postgres is null ? directory.File("erasure.db") : "postgres:" + postgres.ConnectionString;
        // On PostgreSQL the restarted worker is a new cluster node: a short check-in lets it recover the dead node's jobs within seconds.
        string[] cluster = postgres is null ? [] : ["--checkin-ms", "1000"];
        const int count = 2;
        await using var receiver = WebhookReceiver.Start(Secret);
        // The receiver takes the first request and never answers it while the first worker lives.
        var firstWorkerAlive = new TaskCompletionSource();
        receiver.HoldAnswers = firstWorkerAlive.Task;

        using (var worker = WorkerProcess.Start(emulator, ledger, "hook-inflight", count, Environment(receiver.Port), cluster))
        {
            Assert.True(await receiver.WaitUntilAsync(r => r.Count > 0, RunLimit), $"No delivery arrived:\n{worker.Output}");
            worker.Kill();
        }
        var inFlight = receiver.Received[0];
        receiver.HoldAnswers = null;
        firstWorkerAlive.SetResult();

        await RunToCompletionAsync(emulator, ledger, "hook-inflight", count, receiver.Port, cluster);

        Assert.True(receiver.Received.Count(r => r.DeliveryId == inFlight.DeliveryId) >= 2, "The delivery in flight at the kill was not sent again.");
        await AssertEveryEventReceivedAsync(receiver, ledger, count);
    }

    private async Task AssertEveryEventReceivedAsync(WebhookReceiver receiver, string ledger, int count)
    {
        var expected = await LedgerEventsAsync(ledger);
        var received = receiver.Deduplicated;
        var lost = expected.Select(e => (e.ErasureId, e.Sequence)).Except(received.Select(r => (r.ErasureId, r.EntrySequence!.Value))).ToList();
        _output.WriteLine($"{expected.Count} ledger entries over {count} erasures; {receiver.Received.Count} requests received, {received.Count} distinct deliveries, {lost.Count} lost");
        Assert.Empty(lost);
        Assert.Equal(count, received.Count(r => r.EventType == "erasure.closed"));
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
        // Per erasure, the receiver saw the steps in the ledger's order.
        foreach (var erasure in received.GroupBy(r => r.ErasureId))
        {
            var sequences = erasure.Select(r => r.EntrySequence!.Value).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }
    }

    internal static async Task<List<(Guid ErasureId, long Sequence, string Kind)>> LedgerEventsAsync(string ledger)
    {
        await using AdoLedgerStore store = ledger.StartsWith("postgres:", StringComparison.Ordinal)
            ? new PostgresLedgerStore(ledger["postgres:".Length..])
            : new SqliteLedgerStore(ledger);
        var events = new List<(Guid, long, string)>();
        foreach (var record in await store.ListAsync(new ErasureListQuery()))
        {
            events.AddRange((await store.ReadEntriesAsync(record.ErasureId)).Select(e => (e.ErasureId, e.Sequence, e.Kind)));
        }
        return events;
    }

    private async Task RunToCompletionAsync(MarketingCloudEmulator emulator, string ledger, string prefix, int count, int port, IReadOnlyList<string>? arguments = null)
    {
        using var worker = WorkerProcess.Start(emulator, ledger, prefix, count, Environment(port), arguments);
        var code = await worker.WaitAsync(RunLimit);
        _output.WriteLine(worker.Output);
        Assert.True(code == 0, $"The restarted worker ended with {code}:\n{worker.Output}");
    }

    private static Dictionary<string, string> Environment(int port, Dictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ERASURE_WEBHOOK_URL"] = $"http://127.0.0.1:{port}/hooks",
            ["ERASURE_WEBHOOK_SECRET"] = Secret,
        };
        foreach (var (name, value) in more ?? [])
        {
            environment[name] = value;
        }
        return environment;
    }
}
