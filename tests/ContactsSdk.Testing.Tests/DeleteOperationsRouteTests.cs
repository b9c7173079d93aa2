using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The delete operations list: shape, statuses and counts on the fake clock, paging and errors.</summary>
public sealed class DeleteOperationsRouteTests
{
    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Restorable = TimeSpan.FromDays(2);
    private static readonly TimeSpan DeletePhase = TimeSpan.FromHours(3);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task A_page_and_its_items_have_exactly_the_shape_of_the_spec_example()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "ended");
        harness.Clock.Advance(Pending);
        // One call at a time: the first of these is processed, the second waits its turn.
        await harness.DeleteKeysAsync(token, "running");
        await harness.DeleteKeysAsync(token, "waiting");

        using var json = await harness.ListDeleteOperationsAsync("$page=1&$pageSize=50", token);
        using var example = SeedExamples.LoadResponse(ContactsRoutes.DeleteOperationsSpecPath, "get", "queueAndResults");

        Assert.Equal(JsonShape.KeysOf(example.RootElement), JsonShape.KeysOf(json.RootElement));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        var documented = example.RootElement.GetProperty("items").EnumerateArray().ToDictionary(item => item.GetProperty("status").GetString()!);
        Assert.Equal(["Pending", "Processing", "Completed"], items.Select(item => item.GetProperty("status").GetString()));
        Assert.Equal(JsonShape.Of(documented["Pending"]), JsonShape.Of(items[0]));
        Assert.Equal(JsonShape.Of(documented["Processing"]), JsonShape.Of(items[1]));
        Assert.Equal(JsonShape.Of(documented["Completed"]), JsonShape.Of(items[2]));
        Assert.Equal((3, 1, 50), (json.RootElement.GetProperty("count").GetInt32(), json.RootElement.GetProperty("page").GetInt32(), json.RootElement.GetProperty("pageSize").GetInt32()));
    }

    [Theory]
    [InlineData(DeleteOutcome.Completed)]
    [InlineData(DeleteOutcome.Aborted)]
    [InlineData(DeleteOutcome.Invalid)]
    public async Task A_call_is_Processing_from_its_turn_until_its_suppression_begins_then_Completed_whatever_its_delete_phase_does(DeleteOutcome outcome)
    {
        await using var harness = await StartAsync(_ => outcome);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "a", "b");

        foreach (var step in new[] { TimeSpan.Zero, Pending - Tick })
        {
            harness.Clock.Advance(step);
            var waiting = await SingleAsync(harness, token);
            // Nothing else in the queue: its turn comes at once.
            Assert.Equal("Processing", waiting.GetProperty("status").GetString());
            Assert.Equal((0L, 0L, 0L), Counts(waiting));
            Assert.Equal("2019-07-02T12:24:48.013", waiting.GetProperty("startTime").GetString());
            Assert.False(waiting.TryGetProperty("endTime", out _));
            Assert.False(waiting.TryGetProperty("restorableUntilDate", out _));
            // Created at 18:24:48.013Z, reported in the server's wall time (-06:00) without an offset.
            Assert.Equal("2019-07-02T12:24:48.013", waiting.GetProperty("scheduledTime").GetString());
        }

        foreach (var step in new[] { Tick, Restorable, DeletePhase })
        {
            harness.Clock.Advance(step);
            var ended = await SingleAsync(harness, token);
            Assert.Equal(operationId, ended.GetProperty("operationID").GetInt64());
            Assert.Equal("Completed", ended.GetProperty("status").GetString());
            Assert.Equal((2L, 2L, 0L), Counts(ended));
            Assert.Equal("2019-07-02T12:24:48.013", ended.GetProperty("startTime").GetString());
            Assert.Equal("2019-07-02T12:29:48.013", ended.GetProperty("endTime").GetString());
            // The end of processing plus the operation's two restorable days.
            Assert.Equal("2019-07-04T12:29:48.013", ended.GetProperty("restorableUntilDate").GetString());
        }
    }

    [Fact]
    public async Task Keys_no_registered_contact_has_are_counted_as_errors_and_the_call_ends_CompletedWithErrors()
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            TokenLifetime = TimeSpan.FromDays(3650),
            DeleteCallFixedTime = Pending,
            DeleteCallTimePerContact = TimeSpan.Zero,
            Contacts = [new EmulatedContact { ContactKey = "known-1", EmailAddress = "one@example.com", CreatedAt = EmulatorHarness.Start }, new EmulatedContact { ContactKey = "known-2", EmailAddress = "two@example.com", CreatedAt = EmulatorHarness.Start }],
        });
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "known-1", "unknown", "known-2");
        await harness.DeleteKeysAsync(token, "known-1");
        // Two calls, one after the other.
        harness.Clock.Advance(Pending * 2);

        using var json = await harness.ListDeleteOperationsAsync(string.Empty, token);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal(["Completed", "CompletedWithErrors"], items.Select(item => item.GetProperty("status").GetString()));
        Assert.Equal((1L, 1L, 0L), Counts(items[0]));
        Assert.Equal((3L, 2L, 1L), Counts(items[1]));
    }

    [Fact]
    public async Task Pages_list_the_newest_operation_first_and_follow_the_page_size()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        for (var i = 0; i < 5; i++)
        {
            await harness.DeleteKeysAsync(token, "k" + i);
        }
        var restriction = await harness.RestrictKeysAsync(token, "a-restriction-is-no-delete-operation");

        Assert.Equal(new[] { 5L, 4L }, await IdsAsync(harness, "$pageSize=2", token));
        Assert.Equal(new[] { 3L, 2L }, await IdsAsync(harness, "$pageSize=2&$page=2", token));
        Assert.Equal(new[] { 1L }, await IdsAsync(harness, "$PAGESIZE=2&$PAGE=3", token));
        Assert.Empty(await IdsAsync(harness, "$pageSize=2&$page=4", token));
        Assert.Empty(await IdsAsync(harness, "$pageSize=1000&$page=2147483647", token));
        Assert.DoesNotContain(restriction, await IdsAsync(harness, string.Empty, token));

        using var defaults = await harness.ListDeleteOperationsAsync(string.Empty, token);
        Assert.Equal((5, 1, 50), (defaults.RootElement.GetProperty("count").GetInt32(), defaults.RootElement.GetProperty("page").GetInt32(), defaults.RootElement.GetProperty("pageSize").GetInt32()));
    }

    [Theory]
    [InlineData("$page=0")]
    [InlineData("$page=one")]
    [InlineData("$page=")]
    [InlineData("$pageSize=0")]
    [InlineData("$pageSize=1001")]
    [InlineData("$pageSize=%2B5")]
    [InlineData("$page=1&$page=2")]
    public async Task A_query_the_route_cannot_read_gets_a_gateway_400(string query)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Get, ContactsRoutes.DeleteOperations + "?" + query, null, token, expectedStatus: 400);

        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        Assert.Contains("$page", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static (long Actual, long Success, long Error) Counts(JsonElement item) =>
        (item.GetProperty("actualListCount").GetInt64(), item.GetProperty("successCount").GetInt64(), item.GetProperty("errorCount").GetInt64());

    private static async Task<long[]> IdsAsync(EmulatorHarness harness, string query, string token)
    {
        using var json = await harness.ListDeleteOperationsAsync(query, token);
        return json.RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("operationID").GetInt64()).ToArray();
    }

    private static async Task<JsonElement> SingleAsync(EmulatorHarness harness, string token)
    {
        using var json = await harness.ListDeleteOperationsAsync(string.Empty, token);
        return Assert.Single(json.RootElement.GetProperty("items").EnumerateArray()).Clone();
    }

    private static Task<EmulatorHarness> StartAsync(Func<EmulatedDeleteRequest, DeleteOutcome>? outcome = null) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            TokenLifetime = TimeSpan.FromDays(3650),
            DeleteCallFixedTime = Pending,
            DeleteCallTimePerContact = TimeSpan.Zero,
            NumberOfRestorableDays = (int)Restorable.TotalDays,
            DeletePhaseDuration = DeletePhase,
            OutcomeSelector = outcome ?? (_ => DeleteOutcome.Completed),
        });
}
