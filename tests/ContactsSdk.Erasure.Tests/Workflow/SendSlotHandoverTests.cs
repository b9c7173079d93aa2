using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// The send slot is handed on: the erasure whose request was accepted wakes the one that has waited
/// longest, so waiting erasures do not depend on their own looks at the slot. A real host (Quartz on
/// the SQLite ledger) against the emulator on the real clock.
/// </summary>
public sealed class SendSlotHandoverTests
{
    private const int Erasures = 6;

    [Fact]
    public async Task Erasures_waiting_while_a_request_is_in_the_queue_ride_the_next_one_as_soon_as_it_leaves_without_waiting_for_their_own_next_look()
    {
        using var directory = new TempDirectory();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            // Through the delete queue, 200 ms a call.
            DeleteCallFixedTime = TimeSpan.FromMilliseconds(200),
            DeleteCallTimePerContact = TimeSpan.Zero,
            NumberOfRestorableDays = 0,
            DeletePhaseDuration = TimeSpan.FromMilliseconds(200),
        });
        // An erasure that cannot send looks again after ten minutes at the soonest: only the hand-over
        // (the request leaving Marketing Cloud's queue wakes the longest waiting erasure) can send the others within the test.
        using var host = BuildWorker(emulator, directory.File("erasure.db"), sendSlotRetryDelay: TimeSpan.FromMinutes(10));
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            for (var i = 0; i < Erasures; i++)
            {
                await service.SubmitAsync(new ErasureRequest($"handover-{i}", ErasureSubjects.ContactKeys([$"handover-contact-{i}"])));
            }

            var clock = Stopwatch.StartNew();
            while (emulator.Operations.Sum(o => o.Request.Keys.Count) < Erasures && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            var sent = emulator.Operations.SelectMany(o => o.Request.Keys).ToList();
            Assert.Equal(Erasures, sent.Count);
            Assert.Equal(Erasures, sent.Distinct().Count());
            // The first request leaves at once; erasures submitted while one is in the queue ride the next,
            // so there are fewer requests than erasures (how many depends on how fast the submissions came).
            Assert.InRange(emulator.Operations.Count, 1, Erasures - 1);
            var ledger = host.Services.GetRequiredService<IErasureLedgerStore>();
            Assert.Null(await ledger.FindLongestWaitingToSendAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost BuildWorker(MarketingCloudEmulator emulator, string ledgerPath, TimeSpan sendSlotRetryDelay) => FastWorkerHost.Build(emulator, o =>
    {
        o.UseSqlite(ledgerPath);
        o.SubjectHashKey = ErasureHarness.TestKey;
        o.SendSlotRetryDelay = sendSlotRetryDelay;
    });
}
