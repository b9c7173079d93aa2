using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Crash;
using ContactsSdk.Erasure.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using ContactsSdk.TestSupport.Erasure;

namespace ContactsSdk.Erasure.Tests.Webhooks;

/// <summary>
/// Two worker processes clustered on a real PostgreSQL (Quartz's clustered job store and the ledger's
/// outbox in one database) deliver to one real receiver: every event arrives, and no delivery is sent
/// by both nodes.
/// </summary>
public sealed class ClusteredWebhookTests(ITestOutputHelper output)
{
    private const string Secret = "whsec-cluster-tests-0123456789";

    [SkippableFact]
    public async Task Two_clustered_workers_deliver_every_event_once_to_a_healthy_receiver()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        await using var emulator = await CrashEmulator.StartAsync();
        await using var receiver = WebhookReceiver.Start(Secret);
        var ledger = "postgres:" + postgres.ConnectionString;
        const int count = 4;
        var environment = new Dictionary<string, string>
        {
            ["ERASURE_WEBHOOK_URL"] = receiver.Url.ToString(),
            ["ERASURE_WEBHOOK_SECRET"] = Secret,
        };

        using var first = WorkerProcess.Start(emulator, ledger, "hook-cluster", count, environment, ["--checkin-ms", "1000"]);
        using var second = WorkerProcess.Start(emulator, ledger, "hook-cluster", count, environment, ["--checkin-ms", "1000"]);
        var codes = await Task.WhenAll(first.WaitAsync(TimeSpan.FromSeconds(120)), second.WaitAsync(TimeSpan.FromSeconds(120)));
        Assert.True(codes.All(c => c == 0), $"Workers ended with {string.Join(", ", codes)}:\n{first.Output}\n{second.Output}");

        var expected = await WebhookCrashTests.LedgerEventsAsync(ledger);
        var received = receiver.Received;
        output.WriteLine($"{expected.Count} ledger entries over {count} erasures; {received.Count} requests received, {receiver.Deduplicated.Count} distinct deliveries");
        Assert.Equal(
            expected.Select(e => (e.ErasureId, e.Sequence)).Order(),
            receiver.Deduplicated.Select(r => (r.ErasureId, r.EntrySequence!.Value)).Order());
        // A healthy receiver answers at once: no lease ran out, so no delivery was sent twice.
        Assert.Equal(received.Count, receiver.Deduplicated.Count);
        Assert.All(received, r => Assert.True(r.SignatureValid));
    }
}
