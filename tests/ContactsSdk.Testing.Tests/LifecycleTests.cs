using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>
/// The two-phase lifecycle on a fake clock. Every response is compared with the route document's
/// examples: same keys, same order, same value kinds.
/// </summary>
public sealed class LifecycleTests
{
    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Restorable = TimeSpan.FromDays(EmulatorOptions.DefaultNumberOfRestorableDays);
    private static readonly TimeSpan DeletePhase = TimeSpan.FromHours(3);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Theory]
    [InlineData(DeleteOutcome.Completed, "Completed")]
    [InlineData(DeleteOutcome.Aborted, "Aborted")]
    [InlineData(DeleteOutcome.Invalid, "Invalid")]
    public async Task An_operation_goes_through_both_phases_to_its_outcome(DeleteOutcome outcome, string finalStatus)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "outcome-" + outcome);

        await AssertSuppressionAsync(harness, operationId, "Pending");

        harness.Clock.Advance(Pending - Tick);
        await AssertSuppressionAsync(harness, operationId, "Pending");

        harness.Clock.Advance(Tick);
        await AssertSuppressionAsync(harness, operationId, "Completed");

        harness.Clock.Advance(Restorable - Tick);
        await AssertSuppressionAsync(harness, operationId, "Completed");

        harness.Clock.Advance(Tick);
        await AssertDeletePhaseAsync(harness, operationId, "Processing");

        harness.Clock.Advance(DeletePhase - Tick);
        await AssertDeletePhaseAsync(harness, operationId, "Processing");

        harness.Clock.Advance(Tick);
        await AssertDeletePhaseAsync(harness, operationId, finalStatus);

        harness.Clock.Advance(TimeSpan.FromDays(365));
        await AssertDeletePhaseAsync(harness, operationId, finalStatus);
        Assert.Equal(outcome, harness.Emulator.FindOperation(operationId)!.Outcome);
    }

    [Fact]
    public async Task The_pending_response_has_exactly_the_shape_of_the_GetStatusRoute_example()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        using var seed = SeedExamples.Load(SeedExamples.SuppressionPhasePending);

        using var json = await harness.GetStatusJsonAsync(operationId, token);

        Assert.Equal(JsonShape.Of(seed.RootElement), JsonShape.Of(json.RootElement));
    }

    [Fact]
    public async Task The_delete_phase_response_has_exactly_the_shape_of_the_delete_operations_example()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + Restorable);
        using var seed = SeedExamples.Load(SeedExamples.DeletePhaseProcessing);

        using var json = await harness.GetStatusJsonAsync(operationId, await harness.GetTokenAsync());

        Assert.Equal(JsonShape.Of(seed.RootElement), JsonShape.Of(json.RootElement));
    }

    [Fact]
    public async Task Operation_status_Completed_alone_comes_long_before_the_deletion_is_done()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending);

        using var json = await harness.GetStatusJsonAsync(operationId, token);

        Assert.Equal("Completed", json.RootElement.GetProperty("operation").GetProperty("status").GetString());
        Assert.False(json.RootElement.TryGetProperty("backgroundOperationsSummary", out _));
        Assert.Equal(OperationPhase.SuppressionCompleted, harness.Emulator.FindOperation(operationId)!.StateAt(harness.Clock.GetUtcNow()).Phase);
    }

    [Fact]
    public async Task Zero_restorable_days_start_the_delete_phase_as_soon_as_the_suppression_completes()
    {
        await using var harness = await StartAsync(restorableDays: 0);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");

        harness.Clock.Advance(Pending);
        using var json = await harness.GetStatusJsonAsync(operationId, token);

        Assert.Equal(0, json.RootElement.GetProperty("numberofRestorableDays").GetInt32());
        Assert.Equal("Processing", BackgroundStatus(json.RootElement));
    }

    [Fact]
    public async Task Operations_created_at_different_times_progress_independently()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var first = await harness.DeleteKeysAsync(token, "first");
        harness.Clock.Advance(Pending);
        var second = await harness.DeleteKeysAsync(token, "second");

        using var firstStatus = await harness.GetStatusJsonAsync(first, token);
        using var secondStatus = await harness.GetStatusJsonAsync(second, token);

        Assert.Equal("Completed", firstStatus.RootElement.GetProperty("operation").GetProperty("status").GetString());
        Assert.Equal("Pending", secondStatus.RootElement.GetProperty("operation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_emulated_operation_exposes_its_schedule()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var operation = harness.Emulator.FindOperation(await harness.DeleteKeysAsync(token, "k"))!;

        Assert.Equal(EmulatorHarness.Start + Pending, operation.SuppressionCompletesAt);
        Assert.Equal(operation.SuppressionCompletesAt + Restorable, operation.DeletePhaseStartsAt);
        Assert.Equal(operation.DeletePhaseStartsAt + DeletePhase, operation.DeletePhaseEndsAt);
        Assert.Equal(
            EmulatorModelFactory.OperationState(OperationPhase.DeleteFinished, "Completed", "Completed"),
            operation.StateAt(operation.DeletePhaseEndsAt));
    }

    [Theory]
    [InlineData(DeleteOutcome.Completed, "Completed")]
    [InlineData(DeleteOutcome.Invalid, "Invalid")]
    public async Task A_deletion_with_several_background_operations_lists_them_finishing_one_after_another(DeleteOutcome outcome, string finalStatus)
    {
        await using var harness = await StartAsync(backgroundOperations: 3);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "outcome-" + outcome);
        harness.Clock.Advance(Pending + Restorable);

        // A third of the phase each: the entry listed last finishes first, the first one last, with the outcome.
        await AssertSummaryAsync(harness, operationId, "Processing", "Processing", "Processing");
        harness.Clock.Advance((DeletePhase / 3) - Tick);
        await AssertSummaryAsync(harness, operationId, "Processing", "Processing", "Processing");
        harness.Clock.Advance(Tick);
        await AssertSummaryAsync(harness, operationId, "Processing", "Processing", "Completed");
        harness.Clock.Advance(DeletePhase / 3);
        await AssertSummaryAsync(harness, operationId, "Processing", "Completed", "Completed");
        harness.Clock.Advance(DeletePhase / 3);
        await AssertSummaryAsync(harness, operationId, finalStatus, "Completed", "Completed");

        // Each entry has its own background operation ID; the first keeps the operation's.
        using var json = await harness.GetStatusJsonAsync(operationId, await harness.GetTokenAsync());
        var ids = json.RootElement.GetProperty("backgroundOperationsSummary").EnumerateArray().Select(e => e.GetProperty("backgroundOperationID").GetInt64()).ToList();
        Assert.Equal(operationId, ids[0]);
        Assert.Equal(3, ids.Distinct().Count());
    }

    public static TheoryData<int> CountsOutOfRange => new() { 0, EmulatorOptions.MaxBackgroundOperationsPerDeletion + 1 };

    [Theory]
    [MemberData(nameof(CountsOutOfRange))]
    public async Task A_background_operation_count_outside_its_range_is_refused_naming_the_setting(int count)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StartAsync(backgroundOperations: count));

        Assert.Equal(nameof(EmulatorOptions.BackgroundOperationsPerDeletion), error.ParamName);
    }

    private static async Task AssertSummaryAsync(EmulatorHarness harness, long operationId, params string[] statuses)
    {
        using var json = await harness.GetStatusJsonAsync(operationId, await harness.GetTokenAsync());
        var summary = json.RootElement.GetProperty("backgroundOperationsSummary").EnumerateArray()
            .Select(entry => entry.GetProperty("backgroundOperationStatusID").GetString())
            .ToArray();
        Assert.Equal(statuses, summary);
    }

    private static Task<EmulatorHarness> StartAsync(int? restorableDays = null, int? backgroundOperations = null) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            PendingDuration = Pending,
            // These tests time the phases from PendingDuration; the queue has its own tests (DeleteQueueTests).
            DeleteQueueEnabled = false,
            NumberOfRestorableDays = restorableDays ?? EmulatorOptions.DefaultNumberOfRestorableDays,
            DeletePhaseDuration = DeletePhase,
            BackgroundOperationsPerDeletion = backgroundOperations ?? EmulatorOptions.DefaultBackgroundOperationsPerDeletion,
            OutcomeSelector = request => request.Keys.Single() switch
            {
                "outcome-Aborted" => DeleteOutcome.Aborted,
                "outcome-Invalid" => DeleteOutcome.Invalid,
                _ => DeleteOutcome.Completed,
            },
        });

    // Each poll gets a fresh token: the fake clock jumps further than a token lives.
    private static async Task AssertSuppressionAsync(EmulatorHarness harness, long operationId, string status)
    {
        using var seed = SeedExamples.Load(SeedExamples.SuppressionPhasePending);
        using var json = await harness.GetStatusJsonAsync(operationId, await harness.GetTokenAsync());

        Assert.Equal(JsonShape.Of(seed.RootElement), JsonShape.Of(json.RootElement));
        Assert.Equal(status, json.RootElement.GetProperty("operation").GetProperty("status").GetString());
    }

    private static async Task AssertDeletePhaseAsync(EmulatorHarness harness, long operationId, string backgroundStatus)
    {
        using var seed = SeedExamples.Load(SeedExamples.DeletePhaseProcessing);
        using var json = await harness.GetStatusJsonAsync(operationId, await harness.GetTokenAsync());

        Assert.Equal(JsonShape.Of(seed.RootElement), JsonShape.Of(json.RootElement));
        Assert.Equal("Completed", json.RootElement.GetProperty("operation").GetProperty("status").GetString());
        Assert.Equal(backgroundStatus, BackgroundStatus(json.RootElement));
    }

    private static string? BackgroundStatus(JsonElement root) =>
        root.GetProperty("backgroundOperationsSummary")[0].GetProperty("backgroundOperationStatusID").GetString();
}
