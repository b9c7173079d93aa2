using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>
/// The account's delete queue: one call processed at a time, in arrival order, each for a fixed time
/// plus a time per contact; Pending until its processing ends, suppression and restorable days after.
/// </summary>
public sealed class DeleteQueueTests
{
    private static readonly TimeSpan FixedTime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PerContact = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DeletePhase = TimeSpan.FromHours(3);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task Concurrent_calls_are_processed_one_at_a_time_in_operation_id_order()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        // Sizes 1 to 4 contacts, all sent at once, none waiting for another's answer.
        var sizes = Enumerable.Range(0, 24).Select(i => (i % 4) + 1).ToArray();
        var ids = await Task.WhenAll(sizes.Select((size, i) =>
            Task.Run(() => harness.DeleteKeysAsync(token, [.. Enumerable.Range(0, size).Select(k => $"c{i}-{k}")]))));

        Assert.Equal(ids.Length, ids.Distinct().Count());
        var calls = ids.Order().Select(id => harness.Emulator.FindOperation(id)!).ToArray();
        Assert.Equal(EmulatorHarness.Start, calls[0].ProcessingStartsAt);
        for (var i = 0; i < calls.Length; i++)
        {
            Assert.True(calls[i].WaitedInDeleteQueue);
            Assert.Equal(FixedTime + (PerContact * calls[i].Request.Keys.Count), calls[i].SuppressionCompletesAt - calls[i].ProcessingStartsAt);
            if (i > 0)
            {
                // Each call starts exactly when the one before it ends: never two at once, never a gap.
                Assert.Equal(calls[i - 1].SuppressionCompletesAt, calls[i].ProcessingStartsAt);
            }
        }

        // Half way through the queue, over HTTP: the calls before are suppressed, the rest Pending.
        var middle = calls[calls.Length / 2];
        harness.Clock.Advance(middle.ProcessingStartsAt - harness.Clock.GetUtcNow());
        for (var i = 0; i < calls.Length; i++)
        {
            var expected = i < calls.Length / 2 ? "Completed" : "Pending";
            Assert.Equal(expected, await OperationStatusAsync(harness, calls[i].OperationId, token));
            Assert.Equal(i < calls.Length / 2 ? null : i - (calls.Length / 2), calls[i].QueuePositionAt(harness.Clock.GetUtcNow()));
        }
    }

    [Theory]
    [InlineData("keys", 1)]
    [InlineData("keys", 250)]
    [InlineData("ids", 7)]
    [InlineData("listReference", 0)]
    public async Task Processing_a_call_takes_the_fixed_time_plus_the_time_per_contact(string type, int contacts)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        var operationId = await DeleteAsync(harness, token, type, contacts);

        // A list's contacts cannot be counted by the emulator: the fixed time alone.
        var processing = FixedTime + (PerContact * contacts);
        var operation = harness.Emulator.FindOperation(operationId)!;
        Assert.Equal(EmulatorHarness.Start + processing, operation.SuppressionCompletesAt);
        harness.Clock.Advance(processing - Tick);
        Assert.Equal("Pending", await OperationStatusAsync(harness, operationId, token));
        harness.Clock.Advance(Tick);
        Assert.Equal("Completed", await OperationStatusAsync(harness, operationId, token));
    }

    [Fact]
    public async Task A_waiting_call_is_Pending_on_its_status_and_Processing_in_the_analytics()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var first = await harness.DeleteKeysAsync(token, "first");
        var waiting = await harness.DeleteKeysAsync(token, "second-a", "second-b");
        var firstEnds = EmulatorHarness.Start + FixedTime + PerContact;

        // The first call is being processed, the second waits for it.
        harness.Clock.Advance(FixedTime);
        var operation = harness.Emulator.FindOperation(waiting)!;
        Assert.Equal(firstEnds, operation.ProcessingStartsAt);
        Assert.Equal(1, operation.QueuePositionAt(harness.Clock.GetUtcNow()));
        Assert.Equal(0, harness.Emulator.FindOperation(first)!.QueuePositionAt(harness.Clock.GetUtcNow()));
        using (var status = await harness.GetStatusJsonAsync(waiting, token))
        {
            Assert.Equal("Pending", status.RootElement.GetProperty("operation").GetProperty("status").GetString());
            Assert.False(status.RootElement.TryGetProperty("backgroundOperationsSummary", out _));
        }

        Assert.Equal([(first, "Processing"), (waiting, "Processing")], await AnalyticsAsync(harness, token, "&statusid=1"));

        // Processed: suppressed, not deleted; the analytics still say Processing, as the route document does.
        harness.Clock.Advance(operation.SuppressionCompletesAt - harness.Clock.GetUtcNow());
        Assert.Null(operation.QueuePositionAt(harness.Clock.GetUtcNow()));
        Assert.Equal("Completed", await OperationStatusAsync(harness, waiting, token));
        Assert.Equal([(first, "Processing"), (waiting, "Processing")], await AnalyticsAsync(harness, token, string.Empty));
    }

    [Fact]
    public async Task A_call_arriving_at_an_idle_queue_starts_at_once()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "earlier");
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var later = harness.Emulator.FindOperation(await harness.DeleteKeysAsync(token, "later"))!;

        Assert.Equal(harness.Clock.GetUtcNow(), later.ProcessingStartsAt);
        Assert.Equal(0, later.QueuePositionAt(harness.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task The_restorable_days_and_the_delete_phase_start_when_processing_ends()
    {
        const int restorableDays = 2;
        await using var harness = await StartAsync(restorableDays);
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "ahead-1", "ahead-2", "ahead-3");
        var operation = harness.Emulator.FindOperation(await harness.DeleteKeysAsync(token, "behind"))!;
        var processingEnds = EmulatorHarness.Start + (2 * FixedTime) + (4 * PerContact);

        Assert.Equal(processingEnds, operation.SuppressionCompletesAt);
        Assert.Equal(processingEnds + TimeSpan.FromDays(restorableDays), operation.DeletePhaseStartsAt);
        harness.Clock.Advance(operation.DeletePhaseStartsAt - Tick - harness.Clock.GetUtcNow());
        using (var suppressed = await harness.GetStatusJsonAsync(operation.OperationId, token))
        {
            Assert.Equal("Completed", suppressed.RootElement.GetProperty("operation").GetProperty("status").GetString());
            Assert.False(suppressed.RootElement.TryGetProperty("backgroundOperationsSummary", out _));
        }

        harness.Clock.Advance(Tick);
        Assert.Equal("Processing", await BackgroundStatusAsync(harness, operation.OperationId, token));
        harness.Clock.Advance(DeletePhase);
        Assert.Equal("Completed", await BackgroundStatusAsync(harness, operation.OperationId, token));
        Assert.Equal([(operation.OperationId - 1, "Completed"), (operation.OperationId, "Completed")], await AnalyticsAsync(harness, token, string.Empty));
    }

    [Fact]
    public async Task Without_the_queue_every_call_is_Pending_for_PendingDuration_from_its_creation()
    {
        var pending = TimeSpan.FromMinutes(5);
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            DeleteQueueEnabled = false,
            PendingDuration = pending,
            DeleteCallFixedTime = FixedTime,
            DeleteCallTimePerContact = PerContact,
        });
        var token = await harness.GetTokenAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => harness.DeleteKeysAsync(token, "k" + i, "other" + i))));

        foreach (var operation in ids.Select(id => harness.Emulator.FindOperation(id)!))
        {
            Assert.False(operation.WaitedInDeleteQueue);
            Assert.Equal(operation.CreatedAt, operation.ProcessingStartsAt);
            Assert.Equal(operation.CreatedAt + pending, operation.SuppressionCompletesAt);
            Assert.Equal(0, operation.QueuePositionAt(harness.Clock.GetUtcNow()));
        }

        harness.Clock.Advance(pending - Tick);
        Assert.All(await Task.WhenAll(ids.Select(id => OperationStatusAsync(harness, id, token))), status => Assert.Equal("Pending", status));
        harness.Clock.Advance(Tick);
        Assert.All(await Task.WhenAll(ids.Select(id => OperationStatusAsync(harness, id, token))), status => Assert.Equal("Completed", status));
    }

    [Fact]
    public async Task A_restriction_does_not_wait_in_the_delete_queue()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "deleting");
        var restrictionId = await harness.RestrictKeysAsync(token, "restricting");

        harness.Clock.Advance(EmulatorOptions.DefaultPendingDuration);

        using var restriction = await harness.GetRestrictStatusJsonAsync(restrictionId, token);
        Assert.Equal("Completed", restriction.RootElement.GetProperty("operation").GetProperty("status").GetString());
    }

    private static Task<EmulatorHarness> StartAsync(int? restorableDays = null) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            // The tests jump days ahead with one token.
            TokenLifetime = TimeSpan.FromDays(3650),
            NumberOfRestorableDays = restorableDays ?? EmulatorOptions.DefaultNumberOfRestorableDays,
            DeletePhaseDuration = DeletePhase,
            DeleteCallFixedTime = FixedTime,
            DeleteCallTimePerContact = PerContact,
        });

    private static async Task<long> DeleteAsync(EmulatorHarness harness, string token, string type, int contacts)
    {
        var body = type switch
        {
            "keys" => new JsonObject { ["values"] = new JsonArray([.. Enumerable.Range(0, contacts).Select(i => (JsonNode?)("key-" + i))]) },
            "ids" => new JsonObject { ["values"] = new JsonArray([.. Enumerable.Range(1, contacts).Select(i => (JsonNode?)(long)i)]) },
            _ => JsonNode.Parse("""{"targetList":{"listType":{"listTypeID":3},"listKey":"DE"}}""")!.AsObject(),
        };
        using var response = await harness.PostDeleteAsync(type, body.ToJsonString(), token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);
        Assert.True(json.RootElement.GetProperty("operationInitiated").GetBoolean());
        return json.RootElement.GetProperty("operationID").GetInt64();
    }

    private static async Task<string?> OperationStatusAsync(EmulatorHarness harness, long operationId, string token)
    {
        using var json = await harness.GetStatusJsonAsync(operationId, token);
        return json.RootElement.GetProperty("operation").GetProperty("status").GetString();
    }

    private static async Task<string?> BackgroundStatusAsync(EmulatorHarness harness, long operationId, string token)
    {
        using var json = await harness.GetStatusJsonAsync(operationId, token);
        return json.RootElement.GetProperty("backgroundOperationsSummary")[0].GetProperty("backgroundOperationStatusID").GetString();
    }

    private static async Task<List<(long, string?)>> AnalyticsAsync(EmulatorHarness harness, string token, string filter)
    {
        var day = EmulatorHarness.Start.UtcDateTime.Date;
        var query = string.Create(CultureInfo.InvariantCulture, $"startdateutc={day:yyyy-MM-ddTHH:mm:ss}&enddateutc={day.AddDays(1):yyyy-MM-ddTHH:mm:ss}{filter}");
        using var json = await harness.ListDeleteRequestsAsync(query, token);
        return json.RootElement.GetProperty("operations").EnumerateArray()
            .Select(item => (item.GetProperty("operationId").GetInt64(), item.GetProperty("status").GetString()))
            .ToList();
    }
}
