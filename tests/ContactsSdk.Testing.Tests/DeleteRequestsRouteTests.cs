using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The analytics list of delete requests: shape, statuses on the fake clock, range, filter, paging, order and errors.</summary>
public sealed class DeleteRequestsRouteTests
{
    private const string July2 = "startdateutc=2019-07-02T00:00:00&enddateutc=2019-07-03T00:00:00";

    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Restorable = TimeSpan.FromDays(2);
    private static readonly TimeSpan DeletePhase = TimeSpan.FromHours(3);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task A_page_has_exactly_the_shape_of_the_spec_example()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + Restorable + DeletePhase);

        using var json = await harness.ListDeleteRequestsAsync("startdateutc=2019-07-01T00:00:00&enddateutc=2019-07-05T00:00:00&$page=1&$pagesize=20&$orderBy=operationId%20desc", token);
        using var example = SeedExamples.LoadResponse(ContactsRoutes.DeleteRequestsSpecPath, "get", "completedRequests");

        Assert.Equal(JsonShape.Of(example.RootElement), JsonShape.Of(json.RootElement));
        var root = json.RootElement;
        Assert.Equal("2019-07-01T00:00:00", root.GetProperty("startDateUtc").GetString());
        Assert.Equal("2019-07-05T00:00:00", root.GetProperty("endDateUtc").GetString());
        // 18:24:48.013Z + 5 min + 2 days + 3 h, in UTC with its Z.
        Assert.Equal("2019-07-04T21:29:48.013Z", root.GetProperty("statusAsOfDateUtc").GetString());
        Assert.Equal(1, root.GetProperty("pageNumber").GetInt32());
        Assert.Equal(20, root.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData(DeleteOutcome.Completed, "Completed", 2)]
    [InlineData(DeleteOutcome.Aborted, "Aborted", 0)]
    [InlineData(DeleteOutcome.Invalid, "Invalid", 0)]
    public async Task A_request_is_Processing_until_its_delete_phase_ends_then_reports_the_outcome(DeleteOutcome outcome, string finalStatus, long completedCount)
    {
        await using var harness = await StartAsync(_ => outcome);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "a", "b");

        foreach (var step in new[] { TimeSpan.Zero, Pending, Restorable, DeletePhase - Tick })
        {
            harness.Clock.Advance(step);
            var processing = await SingleAsync(harness, July2, token);
            Assert.Equal("Processing", processing.GetProperty("status").GetString());
            Assert.Equal(0, processing.GetProperty("completedContactCount").GetInt64());
            Assert.Equal("2019-07-02T18:24:48.013", processing.GetProperty("lastStatusDateUtc").GetString());
        }

        harness.Clock.Advance(Tick);
        var finished = await SingleAsync(harness, July2, token);

        Assert.Equal(operationId, finished.GetProperty("operationId").GetInt64());
        Assert.Equal(finalStatus, finished.GetProperty("status").GetString());
        Assert.Equal(2, finished.GetProperty("totalContactCount").GetInt64());
        Assert.Equal(completedCount, finished.GetProperty("completedContactCount").GetInt64());
        // Received at 18:24:48.013Z, recorded to the minute like createdDate; in UTC, without an offset.
        Assert.Equal("2019-07-02T18:25:00", finished.GetProperty("receivedDateUtc").GetString());
        Assert.Equal("2019-07-04T21:29:48.013", finished.GetProperty("lastStatusDateUtc").GetString());
        Assert.Equal("Contact Key/ID", finished.GetProperty("deleteMethod").GetString());
    }

    [Fact]
    public async Task A_retried_deletion_is_Processing_again_then_Completed()
    {
        await using var harness = await StartAsync(_ => DeleteOutcome.Invalid);
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + Restorable + DeletePhase);
        Assert.Equal("Invalid", (await SingleAsync(harness, July2, token)).GetProperty("status").GetString());

        using (await harness.RetryDeletionAsync(operationId, token))
        {
        }

        Assert.Equal("Processing", (await SingleAsync(harness, July2, token)).GetProperty("status").GetString());
        harness.Clock.Advance(DeletePhase);
        var completed = await SingleAsync(harness, July2, token);
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(1, completed.GetProperty("completedContactCount").GetInt64());
    }

    [Fact]
    public async Task The_range_holds_requests_received_from_its_start_up_to_but_not_including_its_end()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var first = await harness.DeleteKeysAsync(token, "received-18:25");
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await harness.DeleteKeysAsync(token, "received-18:27");
        var list = await harness.RestrictKeysAsync(token, "a-restriction-is-no-delete-request");

        Assert.Equal(new[] { first, second }, await IdsAsync(harness, "startdateutc=2019-07-02T18:25:00&enddateutc=2019-07-02T18:27:00.0000001", token));
        Assert.Equal(new[] { first }, await IdsAsync(harness, "startdateutc=2019-07-02T18:25:00&enddateutc=2019-07-02T18:27:00", token));
        Assert.Equal(new[] { second }, await IdsAsync(harness, "startdateutc=2019-07-02T18:25:00.0000001&enddateutc=2019-07-03T00:00:00", token));
        Assert.Empty(await IdsAsync(harness, "startdateutc=2019-07-01T00:00:00&enddateutc=2019-07-02T18:25:00", token));
        Assert.DoesNotContain(list, await IdsAsync(harness, July2, token));
    }

    [Fact]
    public async Task The_status_filter_keeps_Processing_Completed_or_Invalid_requests()
    {
        await using var harness = await StartAsync(request => request.Keys[0] switch
        {
            "abort" => DeleteOutcome.Aborted,
            "invalid" => DeleteOutcome.Invalid,
            _ => DeleteOutcome.Completed,
        });
        var token = await harness.GetTokenAsync();
        var completed = await harness.DeleteKeysAsync(token, "complete");
        var aborted = await harness.DeleteKeysAsync(token, "abort");
        var invalid = await harness.DeleteKeysAsync(token, "invalid");
        harness.Clock.Advance(Pending + Restorable + DeletePhase);
        var processing = await harness.DeleteKeysAsync(token, "still-processing");
        var everything = "startdateutc=2019-07-01T00:00:00&enddateutc=2019-07-10T00:00:00";

        Assert.Equal(new[] { completed, aborted, invalid, processing }, await IdsAsync(harness, everything, token));
        Assert.Equal(new[] { processing }, await IdsAsync(harness, everything + "&statusid=1", token));
        Assert.Equal(new[] { completed }, await IdsAsync(harness, everything + "&statusid=5", token));
        Assert.Equal(new[] { invalid }, await IdsAsync(harness, everything + "&statusid=7", token));
    }

    [Fact]
    public async Task Pages_follow_the_page_size_and_the_order()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        for (var i = 0; i < 5; i++)
        {
            await harness.DeleteKeysAsync(token, "k" + i);
        }

        Assert.Equal(new[] { 1L, 2L }, await IdsAsync(harness, July2 + "&$pagesize=2", token));
        Assert.Equal(new[] { 3L, 4L }, await IdsAsync(harness, July2 + "&$pagesize=2&$page=2", token));
        Assert.Equal(new[] { 5L }, await IdsAsync(harness, July2 + "&$pagesize=2&$page=3", token));
        Assert.Empty(await IdsAsync(harness, July2 + "&$pagesize=2&$page=4", token));
        Assert.Empty(await IdsAsync(harness, July2 + "&$pagesize=1000&$page=2147483647", token));
        Assert.Equal(new[] { 5L, 4L }, await IdsAsync(harness, July2 + "&$pagesize=2&$orderBy=operationId%20desc", token));
        Assert.Equal(new[] { 3L, 2L }, await IdsAsync(harness, July2 + "&$pagesize=2&$page=2&$orderby=OPERATIONID%20DESC", token));
        Assert.Equal(new[] { 1L, 2L, 3L, 4L, 5L }, await IdsAsync(harness, July2 + "&$orderBy=operationId%20asc", token));
        Assert.Equal(new[] { 1L, 2L, 3L, 4L, 5L }, await IdsAsync(harness, July2 + "&$orderBy=operationId", token));

        using var defaults = await harness.ListDeleteRequestsAsync(July2, token);
        Assert.Equal(1, defaults.RootElement.GetProperty("pageNumber").GetInt32());
        Assert.Equal(50, defaults.RootElement.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-02T00:00:00")]
    [InlineData("startdateutc=&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-02T00:00:00z&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-02T00:00:00%2B00:00&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-02T00:00:00-06:00&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-02&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-02%2000:00:00&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-02-30T00:00:00&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-02T00:00:00.12345678&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-03T00:00:00&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-04T00:00:00&enddateutc=2019-07-03T00:00:00")]
    [InlineData("startdateutc=2019-07-01T00:00:00&startdateutc=2019-07-02T00:00:00&enddateutc=2019-07-03T00:00:00")]
    [InlineData(July2 + "&statusid=2")]
    [InlineData(July2 + "&statusid=-1")]
    [InlineData(July2 + "&statusid=Completed")]
    [InlineData(July2 + "&statusid=")]
    [InlineData(July2 + "&$page=0")]
    [InlineData(July2 + "&$page=one")]
    [InlineData(July2 + "&$pagesize=0")]
    [InlineData(July2 + "&$pagesize=1001")]
    [InlineData(July2 + "&$pagesize=%2B5")]
    [InlineData(July2 + "&$orderBy=status")]
    [InlineData(July2 + "&$orderBy=operationId%20sideways")]
    [InlineData(July2 + "&$orderBy=operationId%20desc%20asc")]
    [InlineData(July2 + "&$orderBy=")]
    public async Task A_query_the_route_cannot_read_gets_a_gateway_400(string query)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Get, ContactsRoutes.DeleteRequests + "?" + query, null, token, expectedStatus: 400);

        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_list_reference_deletion_is_reported_with_its_own_method()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        using (await harness.PostDeleteAsync("listReference", """{"targetList":{"listType":{"listTypeID":3},"listKey":"DE"}}""", token))
        {
        }

        var record = await SingleAsync(harness, July2, token);

        Assert.Equal("List Reference", record.GetProperty("deleteMethod").GetString());
        Assert.Equal(0, record.GetProperty("totalContactCount").GetInt64());
    }

    private static async Task<long[]> IdsAsync(EmulatorHarness harness, string query, string token)
    {
        using var json = await harness.ListDeleteRequestsAsync(query, token);
        return json.RootElement.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("operationId").GetInt64()).ToArray();
    }

    private static async Task<JsonElement> SingleAsync(EmulatorHarness harness, string query, string token)
    {
        using var json = await harness.ListDeleteRequestsAsync(query, token);
        return Assert.Single(json.RootElement.GetProperty("operations").EnumerateArray()).Clone();
    }

    private static Task<EmulatorHarness> StartAsync(Func<EmulatedDeleteRequest, DeleteOutcome>? outcome = null) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            TokenLifetime = TimeSpan.FromDays(3650),
            PendingDuration = Pending,
            // These tests time the phases from PendingDuration; the queue has its own tests (DeleteQueueTests).
            DeleteQueueEnabled = false,
            NumberOfRestorableDays = (int)Restorable.TotalDays,
            DeletePhaseDuration = DeletePhase,
            OutcomeSelector = outcome ?? (_ => DeleteOutcome.Completed),
        });
}
