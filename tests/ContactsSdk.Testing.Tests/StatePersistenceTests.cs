using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Testing.Tests;

/// <summary><see cref="EmulatorOptions.StatePath"/>: an emulator started again with the same file continues where the last one stopped.</summary>
public sealed class StatePersistenceTests : IDisposable
{
    private readonly TempDirectory _temp = new("contactssdk-emulator-state-");

    private string StatePath => Path.Combine(_temp.Path, "emulator-state.json");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_restarted_emulator_holds_the_same_deletions_at_the_same_point_and_continues_the_id_sequence()
    {
        long first;
        await using (var before = await StartAsync(DeleteOutcome.Aborted))
        {
            var firstToken = await before.GetTokenAsync();
            first = await before.DeleteKeysAsync(firstToken, "persisted-1", "persisted-2");
            // Past the call's processing (the default fixed time and two contacts) and the 14 restorable days.
            before.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(31));
            Assert.Equal(OperationPhase.DeleteProcessing, before.Emulator.FindOperation(first)!.StateAt(before.Clock.GetUtcNow()).Phase);
        }

        await using var after = await StartAsync(DeleteOutcome.Completed);
        after.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(31));
        var restored = after.Emulator.FindOperation(first);

        Assert.NotNull(restored);
        Assert.Equal(["persisted-1", "persisted-2"], restored.Request.Keys);
        Assert.Equal(EmulatorHarness.Start, restored.CreatedAt);
        // The outcome chosen when the deletion was created, not the new emulator's selector.
        Assert.Equal(DeleteOutcome.Aborted, restored.Outcome);
        var token = await after.GetTokenAsync();
        using (var status = await after.GetStatusJsonAsync(first, token))
        {
            Assert.Equal("Processing", status.RootElement.GetProperty("backgroundOperationsSummary")[0].GetProperty("backgroundOperationStatusID").GetString());
        }

        Assert.Equal(first + 1, await after.DeleteKeysAsync(token, "persisted-3"));
    }

    [Fact]
    public async Task A_retry_and_the_restorable_days_setting_survive_a_restart()
    {
        long operationId;
        await using (var before = await StartAsync(DeleteOutcome.Invalid))
        {
            var token = await before.GetTokenAsync();
            using (await before.SendForJsonAsync(HttpMethod.Post, "contacts/v1/contacts/actions/delete/configSettings",
                """{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"-1"}]}""", token))
            {
            }

            operationId = await before.DeleteKeysAsync(token, "retried-1");
            before.Clock.Advance(TimeSpan.FromHours(1));
            using var retried = await before.SendForJsonAsync(HttpMethod.Post, $"contacts/v1/operations/delete/{operationId}/retry", null, await before.GetTokenAsync());
            Assert.True(retried.RootElement.GetProperty("operationRestarted").GetBoolean());
        }

        await using var after = await StartAsync(DeleteOutcome.Completed);

        Assert.Equal(1, after.Emulator.FindOperation(operationId)!.RetryCount);
        Assert.Equal(0, after.Emulator.NumberOfRestorableDays);
    }

    [Fact]
    public async Task The_delete_queue_survives_a_restart_and_new_calls_wait_behind_the_restored_ones()
    {
        (DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Queued)[] before;
        await using (var first = await StartAsync(DeleteOutcome.Completed))
        {
            var token = await first.GetTokenAsync();
            await first.DeleteKeysAsync(token, "queued-1");
            await first.DeleteKeysAsync(token, "queued-2", "queued-3");
            before = [.. first.Emulator.Operations.Select(Schedule)];
        }

        await using var after = await StartAsync(DeleteOutcome.Completed);
        var token2 = await after.GetTokenAsync();
        var restored = after.Emulator.Operations;

        Assert.Equal(before, restored.Select(Schedule));
        Assert.Equal(1, restored[1].QueuePositionAt(after.Clock.GetUtcNow()));
        var next = after.Emulator.FindOperation(await after.DeleteKeysAsync(token2, "queued-4"))!;
        Assert.Equal(before[^1].EndsAt, next.ProcessingStartsAt);
        Assert.Equal(2, next.QueuePositionAt(after.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_version_1_file_from_before_the_queue_is_read_with_the_schedule_it_recorded()
    {
        // What an emulator without the queue wrote: a deletion created at the start, Pending for 5
        // minutes (its first run's delete phase starts 2 restorable days after that).
        var created = EmulatorHarness.Start;
        var suppressed = created + TimeSpan.FromMinutes(5);
        var deletePhase = suppressed + TimeSpan.FromDays(2);
        await File.WriteAllTextAsync(StatePath, $$"""
            {"Version":1,"LastOperationId":7,"NumberOfRestorableDays":2,
             "Deletions":[{"OperationId":7,"RequestId":"5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b","CreatedAt":"{{created:O}}","NumberOfRestorableDays":2,
               "Request":{"Type":"Keys","Keys":["old-key"],"Ids":[],"ListKey":null,"ListTypeId":null,"DeleteOperationType":"ContactAndAttributes","DeleteListWhenCompleted":false,"DeleteListContentsWhenCompleted":false},
               "Attempts":[{"RetryCount":0,"Since":"{{created:O}}","DeletePhaseStartsAt":"{{deletePhase:O}}","DeletePhaseEndsAt":"{{deletePhase.AddHours(1):O}}","Outcome":"Completed"}]}],
             "Restrictions":[]}
            """);

        await using var harness = await StartAsync(DeleteOutcome.Completed);
        var restored = harness.Emulator.FindOperation(7)!;

        Assert.Equal((created, suppressed, false), Schedule(restored));
        Assert.Equal(deletePhase, restored.DeletePhaseStartsAt);
        var token = await harness.GetTokenAsync();
        var next = harness.Emulator.FindOperation(await harness.DeleteKeysAsync(token, "new-key"))!;
        Assert.Equal(8, next.OperationId);
        // The queue is on now: the new call waits for the restored one.
        Assert.Equal(suppressed, next.ProcessingStartsAt);

        // Saved again, in the current version.
        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(StatePath));
        Assert.Equal(2, saved.RootElement.GetProperty("Version").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_a_state_file_is_refused_with_its_path_and_left_untouched()
    {
        await File.WriteAllTextAsync(StatePath, """{"operations": "not a saved emulator"}""");

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => StartAsync(DeleteOutcome.Completed));

        Assert.Contains(StatePath, refused.Message);
        Assert.Equal("""{"operations": "not a saved emulator"}""", await File.ReadAllTextAsync(StatePath));
    }

    private static (DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Queued) Schedule(EmulatedOperation operation) =>
        (operation.ProcessingStartsAt, operation.SuppressionCompletesAt, operation.WaitedInDeleteQueue);

    private Task<EmulatorHarness> StartAsync(DeleteOutcome outcome) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            StatePath = StatePath,
            OutcomeSelector = _ => outcome,
        });
}
