using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The delete and restrict retry routes: what restarts, what does not and why, and the restarted lifecycle.</summary>
public sealed class RetryRouteTests
{
    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Restorable = TimeSpan.FromDays(2);
    private static readonly TimeSpan DeletePhase = TimeSpan.FromHours(3);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static readonly string[] RefusedKeys =
        ["operationID", "operationRestarted", "requestServiceMessageID", "responseDateTime", "hasErrors", "resultMessages", "serviceMessageID"];

    [Fact]
    public async Task An_invalid_deletion_is_restarted_with_the_shape_of_the_spec_example()
    {
        await using var harness = await StartAsync(DeleteOutcome.Invalid);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + Restorable + DeletePhase);

        using var json = await harness.RetryDeletionAsync(operationId, token);
        using var example = SeedExamples.LoadResponse(ContactsRoutes.DeleteRetrySpecPath, "post", "restarted");

        Assert.Equal(JsonShape.Of(example.RootElement), JsonShape.Of(json.RootElement));
        Assert.Equal(operationId, json.RootElement.GetProperty("operationID").GetInt64());
        Assert.True(json.RootElement.GetProperty("operationRestarted").GetBoolean());
        Assert.Equal(1, harness.Emulator.FindOperation(operationId)!.RetryCount);
    }

    [Fact]
    public async Task A_restarted_deletion_runs_its_delete_phase_again_from_the_retry_and_completes()
    {
        await using var harness = await StartAsync(DeleteOutcome.Invalid);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + Restorable + DeletePhase + TimeSpan.FromMinutes(30));
        var retriedAt = harness.Clock.GetUtcNow();
        using (var invalid = await harness.GetStatusJsonAsync(operationId, token))
        {
            Assert.Equal("Invalid", BackgroundStatus(invalid));
        }

        using (var restarted = await harness.RetryDeletionAsync(operationId, token))
        {
            Assert.True(restarted.RootElement.GetProperty("operationRestarted").GetBoolean());
        }

        using (var processing = await harness.GetStatusJsonAsync(operationId, token))
        {
            var operation = processing.RootElement.GetProperty("operation");
            Assert.Equal("Processing", BackgroundStatus(processing));
            Assert.Equal(1, operation.GetProperty("retryCount").GetInt32());
            Assert.Equal("Completed", operation.GetProperty("status").GetString());
            // The new delete phase starts at the retry (server wall time, -06:00); the record was modified then.
            Assert.Equal(
                WallTime(retriedAt, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF"),
                processing.RootElement.GetProperty("backgroundOperationsSummary")[0].GetProperty("createdDate").GetString());
            Assert.Equal(WallTime(retriedAt.AddSeconds(30), "yyyy'-'MM'-'dd'T'HH':'mm':'00"), operation.GetProperty("modifiedDate").GetString());
            Assert.NotEqual(operation.GetProperty("createdDate").GetString(), operation.GetProperty("modifiedDate").GetString());
        }

        harness.Clock.Advance(DeletePhase - Tick);
        using (var stillProcessing = await harness.GetStatusJsonAsync(operationId, token))
        {
            Assert.Equal("Processing", BackgroundStatus(stillProcessing));
        }

        harness.Clock.Advance(Tick);
        using var completed = await harness.GetStatusJsonAsync(operationId, token);
        Assert.Equal("Completed", BackgroundStatus(completed));
        Assert.Equal(DeleteOutcome.Completed, harness.Emulator.FindOperation(operationId)!.Outcome);
    }

    [Fact]
    public async Task The_state_before_a_retry_is_still_a_function_of_the_clock()
    {
        await using var harness = await StartAsync(DeleteOutcome.Invalid);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + Restorable + DeletePhase);
        var failedAt = harness.Clock.GetUtcNow();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        using (await harness.RetryDeletionAsync(operationId, token))
        {
        }

        var operation = harness.Emulator.FindOperation(operationId)!;

        Assert.Equal(EmulatorModelFactory.OperationState(OperationPhase.DeleteFinished, "Completed", "Invalid"), operation.StateAt(failedAt));
        Assert.Equal(OperationPhase.DeleteProcessing, operation.StateAt(harness.Clock.GetUtcNow()).Phase);
        Assert.Equal(OperationPhase.SuppressionPending, operation.StateAt(EmulatorHarness.Start).Phase);
    }

    [Theory]
    [InlineData(DeleteOutcome.Invalid, 0, "suppression is still pending")]
    [InlineData(DeleteOutcome.Invalid, 1, "delete phase has not started")]
    [InlineData(DeleteOutcome.Invalid, 2, "still processing")]
    [InlineData(DeleteOutcome.Completed, 3, "completed")]
    [InlineData(DeleteOutcome.Aborted, 3, "aborted")]
    public async Task Any_deletion_that_has_not_failed_is_not_restarted_and_the_answer_says_why(DeleteOutcome outcome, int phase, string why)
    {
        await using var harness = await StartAsync(outcome);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        var into = new[] { TimeSpan.Zero, Pending, Pending + Restorable, Pending + Restorable + DeletePhase }[phase];
        harness.Clock.Advance(into);
        var stateBefore = harness.Emulator.FindOperation(operationId)!.StateAt(harness.Clock.GetUtcNow());

        using var json = await harness.RetryDeletionAsync(operationId, token);

        var root = json.RootElement;
        Assert.Equal(RefusedKeys, JsonShape.KeysOf(root));
        Assert.Equal(operationId, root.GetProperty("operationID").GetInt64());
        Assert.False(root.GetProperty("operationRestarted").GetBoolean());
        Assert.True(root.GetProperty("hasErrors").GetBoolean());
        var message = Assert.Single(root.GetProperty("resultMessages").EnumerateArray());
        Assert.Equal("Error", message.GetProperty("resultClass").GetString());
        Assert.Equal("OperationNotRetryable", message.GetProperty("resultCode").GetString());
        Assert.Contains(why, message.GetProperty("message").GetString(), StringComparison.Ordinal);
        var operation = harness.Emulator.FindOperation(operationId)!;
        Assert.Equal(0, operation.RetryCount);
        Assert.Equal(stateBefore, operation.StateAt(harness.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_restart_is_not_restarted_again_once_it_completed()
    {
        await using var harness = await StartAsync(DeleteOutcome.Invalid);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + Restorable + DeletePhase);
        using (await harness.RetryDeletionAsync(operationId, token))
        {
        }

        harness.Clock.Advance(DeletePhase);
        using var again = await harness.RetryDeletionAsync(operationId, token);

        Assert.False(again.RootElement.GetProperty("operationRestarted").GetBoolean());
        Assert.Equal(1, harness.Emulator.FindOperation(operationId)!.RetryCount);
    }

    [Fact]
    public async Task An_unknown_operation_is_a_service_error_with_HTTP_200()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        // A restriction's ID names no deletion.
        var restrictionId = await harness.RestrictKeysAsync(token, "k");

        foreach (var operationId in new[] { 42L, restrictionId })
        {
            using var json = await harness.RetryDeletionAsync(operationId, token);

            Assert.Equal(RefusedKeys, JsonShape.KeysOf(json.RootElement));
            Assert.False(json.RootElement.GetProperty("operationRestarted").GetBoolean());
            Assert.Equal("OperationNotFound", json.RootElement.GetProperty("resultMessages")[0].GetProperty("resultCode").GetString());
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task A_path_ID_that_is_not_an_integer_gets_a_gateway_400(string operationId)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        foreach (var path in new[] { ContactsRoutes.DeleteRetry(operationId), ContactsRoutes.RestrictRetry(operationId) })
        {
            using var json = await harness.SendForJsonAsync(HttpMethod.Post, path, null, token, expectedStatus: 400);

            Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        }
    }

    [Fact]
    public async Task A_restriction_never_fails_so_it_is_never_restarted()
    {
        await using var harness = await StartAsync(DeleteOutcome.Completed);
        var token = await harness.GetTokenAsync();
        var restrictionId = await harness.RestrictKeysAsync(token, "k");
        var deletionId = await harness.DeleteKeysAsync(token, "d");

        using var pending = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.RestrictRetry(restrictionId), null, token);
        harness.Clock.Advance(Pending);
        using var completed = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.RestrictRetry(restrictionId), null, token);
        using var deletion = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.RestrictRetry(deletionId), null, token);

        AssertRefused(pending, restrictionId, "OperationNotRetryable", "pending");
        AssertRefused(completed, restrictionId, "OperationNotRetryable", "completed");
        AssertRefused(deletion, deletionId, "OperationNotFound", "No operation");
    }

    private static void AssertRefused(JsonDocument json, long operationId, string resultCode, string why)
    {
        var root = json.RootElement;
        Assert.Equal(RefusedKeys, JsonShape.KeysOf(root));
        Assert.Equal(operationId, root.GetProperty("operationID").GetInt64());
        Assert.False(root.GetProperty("operationRestarted").GetBoolean());
        var message = Assert.Single(root.GetProperty("resultMessages").EnumerateArray());
        Assert.Equal(resultCode, message.GetProperty("resultCode").GetString());
        Assert.Contains(why, message.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string? BackgroundStatus(JsonDocument status) =>
        status.RootElement.GetProperty("backgroundOperationsSummary")[0].GetProperty("backgroundOperationStatusID").GetString();

    private static string WallTime(DateTimeOffset instant, string format) =>
        instant.ToOffset(EmulatorOptions.DefaultServerUtcOffset).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static Task<EmulatorHarness> StartAsync(DeleteOutcome outcome) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            // The tests jump days ahead with one token.
            TokenLifetime = TimeSpan.FromDays(3650),
            PendingDuration = Pending,
            // These tests time the phases from PendingDuration; the queue has its own tests (DeleteQueueTests).
            DeleteQueueEnabled = false,
            NumberOfRestorableDays = (int)Restorable.TotalDays,
            DeletePhaseDuration = DeletePhase,
            OutcomeSelector = _ => outcome,
        });
}
