using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary><see cref="EmulatorOptions.StatePath"/>: an emulator started again with the same file continues where the last one stopped.</summary>
public sealed class StatePersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("contactssdk-emulator-state-").FullName;

    private string StatePath => Path.Combine(_directory, "emulator-state.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_restarted_emulator_holds_the_same_deletions_at_the_same_point_and_continues_the_id_sequence()
    {
        long first;
        await using (var before = await StartAsync(DeleteOutcome.Aborted))
        {
            var firstToken = await before.GetTokenAsync();
            first = await before.DeleteKeysAsync(firstToken, "persisted-1", "persisted-2");
            before.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(2));
            Assert.Equal(OperationPhase.DeleteProcessing, before.Emulator.FindOperation(first)!.StateAt(before.Clock.GetUtcNow()).Phase);
        }

        await using var after = await StartAsync(DeleteOutcome.Completed);
        after.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(2));
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
    public async Task A_file_that_is_not_a_state_file_is_refused_with_its_path_and_left_untouched()
    {
        await File.WriteAllTextAsync(StatePath, """{"operations": "not a saved emulator"}""");

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => StartAsync(DeleteOutcome.Completed));

        Assert.Contains(StatePath, refused.Message);
        Assert.Equal("""{"operations": "not a saved emulator"}""", await File.ReadAllTextAsync(StatePath));
    }

    private Task<EmulatorHarness> StartAsync(DeleteOutcome outcome) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            StatePath = StatePath,
            OutcomeSelector = _ => outcome,
        });
}
