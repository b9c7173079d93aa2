using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Models;
using ContactsSdk.TestSupport;

namespace ContactsSdk.TestSupport.Performance;

/// <summary>
/// A deletion of a given length on the emulator, in virtual time: how long each phase lasts.
/// </summary>
/// <param name="Name">How the scenario is shown.</param>
/// <param name="Pending">Suppression phase with <c>operation.status</c> Pending.</param>
/// <param name="RestorableDays">Suppressed and restorable, before the delete phase.</param>
/// <param name="DeletePhase">Delete phase with <c>backgroundOperationStatusID</c> Processing.</param>
public sealed record PollScenario(string Name, TimeSpan Pending, int RestorableDays, TimeSpan DeletePhase)
{
    /// <summary>From the delete request to the delete phase's Completed.</summary>
    public TimeSpan Duration => Pending + TimeSpan.FromDays(RestorableDays) + DeletePhase;

    /// <summary>State changes the client sees on the way (Pending, Suppressed when restorable days are kept, Deleting, Deleted).</summary>
    public int StateChanges => RestorableDays > 0 ? 3 : 2;

    /// <summary>
    /// An emulator whose every deletion follows this scenario, on <paramref name="clock"/>. A fixed
    /// pending suppression per deletion, not the delete queue: these measurements are of the client's
    /// poll rule (docs/performance.md); the erasure scenarios measure the queue's cost.
    /// </summary>
    public Task<MarketingCloudEmulator> StartEmulatorAsync(TimeProvider clock) => MarketingCloudEmulator.StartAsync(new EmulatorOptions
    {
        TimeProvider = clock,
        PendingDuration = Pending,
        DeleteQueueEnabled = false,
        NumberOfRestorableDays = RestorableDays,
        DeletePhaseDuration = DeletePhase,
    });

    /// <summary>Deletions lasting 1 hour, 1 day and 14 days in all, each with a one-minute pending suppression.</summary>
    public static readonly PollScenario[] Standard =
    {
        new("1 hour", TimeSpan.FromMinutes(1), 0, TimeSpan.FromMinutes(59)),
        new("1 day", TimeSpan.FromMinutes(1), 0, TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1)),
        new("14 days", TimeSpan.FromMinutes(1), 13, TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1)),
    };
}

/// <summary>What one wait cost.</summary>
/// <param name="StatusRequests">Status requests the emulator received.</param>
/// <param name="TokenRequests">Token requests the emulator received (tokens live 18 minutes).</param>
/// <param name="NoticeLatency">From the moment the delete phase completed to the moment the wait returned.</param>
/// <param name="LongestWait">The longest wait between two polls.</param>
public sealed record PollEconomyResult(
    PollScenario Scenario,
    ContactDeletionState State,
    long StatusRequests,
    long TokenRequests,
    int RequestsReported,
    TimeSpan NoticeLatency,
    TimeSpan LongestWait);

/// <summary>
/// Measures the poll economy of <see cref="ContactsClient.WaitForDeletionAsync"/>: one deletion
/// followed to its end on the emulator, over loopback, with client and emulator on one
/// <see cref="VirtualClock"/>, so days pass in milliseconds and every count is exact.
/// </summary>
public static class PollEconomy
{
    public static async Task<PollEconomyResult> MeasureAsync(PollScenario scenario, DeletionWaitOptions? options = null)
    {
        var clock = new VirtualClock();
        await using var emulator = await scenario.StartEmulatorAsync(clock);
        using var client = new ContactsClient(emulator.ClientOptions(), clock);

        var started = await client.StartDeletionByKeysAsync(new[] { "poll-economy-contact" });
        var waits = new LongestWait();
        var result = await client.WaitForDeletionAsync(started.OperationId, options, waits);
        var noticedAt = clock.GetUtcNow();

        var operation = emulator.FindOperation(started.OperationId)
            ?? throw new InvalidOperationException("The emulator lost the operation.");
        return new PollEconomyResult(
            scenario,
            result.State,
            emulator.Statistics.StatusRequests,
            emulator.Statistics.TokenRequests,
            result.RequestsMade,
            noticedAt - operation.DeletePhaseEndsAt,
            waits.Longest);
    }

    /// <summary>Keeps the longest wait the progress reports announced (reported synchronously, unlike Progress&lt;T&gt;).</summary>
    private sealed class LongestWait : IProgress<DeletionProgress>
    {
        private long _ticks;

        public TimeSpan Longest => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Report(DeletionProgress value)
        {
            if (value.NextPollIn.Ticks > Interlocked.Read(ref _ticks))
            {
                Interlocked.Exchange(ref _ticks, value.NextPollIn.Ticks);
            }
        }
    }

    /// <summary>The results as a Markdown table.</summary>
    public static string Table(PollEconomyResult[] results)
    {
        var lines = results.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Scenario.Name} | {r.StatusRequests} | {r.StatusRequests / r.Scenario.Duration.TotalHours:0.0} | {r.NoticeLatency.TotalMinutes:0.0} min | {r.LongestWait.TotalMinutes:0} min | {r.TokenRequests} |"));
        return string.Join(Environment.NewLine, new[]
        {
            "| deletion lasting | status requests | per hour | completion noticed after | longest wait | token requests |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        }.Concat(lines));
    }
}
