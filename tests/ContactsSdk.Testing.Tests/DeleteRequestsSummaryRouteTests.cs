using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The analytics summary: its shape, the interval choice, the buckets and the per-status series.</summary>
public sealed class DeleteRequestsSummaryRouteTests
{
    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DeletePhase = TimeSpan.FromHours(3);

    [Fact]
    public async Task A_summary_has_the_keys_order_and_value_kinds_of_the_spec_example()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(Pending + DeletePhase);

        using var json = await harness.SummarizeDeleteRequestsAsync("startdateutc=2019-07-01T00:00:00&enddateutc=2019-07-04T00:00:00", token);
        using var example = SeedExamples.LoadResponse(ContactsRoutes.DeleteRequestsSummarySpecPath, "get", "threeDays");

        // Array lengths depend on the range; everything else is the example's.
        Assert.Equal(JsonShape.SchemaOf(example.RootElement), JsonShape.SchemaOf(json.RootElement));
        // The documented example's spelling (its table writes statusasofdateutc).
        Assert.Equal("2019-07-02T21:29:48.013Z", json.RootElement.GetProperty("statusofdateutc").GetString());
        Assert.False(json.RootElement.TryGetProperty("statusasofdateutc", out _));
    }

    [Fact]
    public async Task A_range_longer_than_two_days_is_counted_per_day_from_its_start()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "day-1");
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await harness.DeleteKeysAsync(token, "day-2-a");
        await harness.DeleteKeysAsync(token, "day-2-b");
        harness.Clock.Advance(Pending + DeletePhase);

        using var json = await harness.SummarizeDeleteRequestsAsync("startdateutc=2019-07-02T00:00:00&enddateutc=2019-07-05T00:00:00", token);

        var root = json.RootElement;
        // The route document's shape: lower-case names, the interval as a string, the range with a Z,
        // the item times as its example writes them (UTC, month first, to the second).
        Assert.Equal("2019-07-02T00:00:00Z", root.GetProperty("startdateutc").GetString());
        Assert.Equal("2019-07-05T00:00:00Z", root.GetProperty("enddateutc").GetString());
        Assert.Equal("1", root.GetProperty("interval").GetString());
        Assert.Equal(3, root.GetProperty("itemcount").GetInt32());
        var total = Total(root);
        Assert.Equal(3, total.GetProperty("requestcount").GetInt64());
        Assert.Equal(0, total.GetProperty("minvalue").GetInt64());
        Assert.Equal(2, total.GetProperty("maxvalue").GetInt64());
        Assert.Equal(
            [("07-02-2019 00:00:00", 1L), ("07-03-2019 00:00:00", 2L), ("07-04-2019 00:00:00", 0L)],
            Items(total));
        var completed = Assert.Single(root.GetProperty("statustimeseries").EnumerateArray());
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(5, completed.GetProperty("statusid").GetInt32());
        Assert.Equal(Items(total), Items(completed));
    }

    [Theory]
    [InlineData("startdateutc=2019-07-02T00:00:00&enddateutc=2019-07-04T00:00:00", 48)]
    [InlineData("startdateutc=2019-07-02T18:00:00&enddateutc=2019-07-02T19:30:00", 2)]
    [InlineData("startdateutc=2019-07-02T18:00:00&enddateutc=2019-07-02T18:00:00.001", 1)]
    public async Task A_range_of_at_most_two_days_is_counted_per_hour(string query, int items)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "k");

        using var json = await harness.SummarizeDeleteRequestsAsync(query, token);

        var root = json.RootElement;
        Assert.Equal("0", root.GetProperty("interval").GetString());
        Assert.Equal(items, root.GetProperty("itemcount").GetInt32());
        var total = Total(root);
        Assert.Equal(items, total.GetProperty("items").GetArrayLength());
        // Received at 18:24:48.013Z, recorded as 18:25:00: in the 18:00 bucket when the range has it.
        var expected = query.Contains("18:00:00.001", StringComparison.Ordinal) ? 0 : 1;
        Assert.Equal(expected, total.GetProperty("requestcount").GetInt64());
        if (expected == 1)
        {
            Assert.Contains(("07-02-2019 18:00:00", 1L), Items(total));
        }
    }

    [Fact]
    public async Task Each_status_present_gets_its_own_series_in_a_fixed_order()
    {
        await using var harness = await StartAsync(request => request.Keys[0] switch
        {
            "abort" => DeleteOutcome.Aborted,
            "invalid" => DeleteOutcome.Invalid,
            _ => DeleteOutcome.Completed,
        });
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "invalid");
        await harness.DeleteKeysAsync(token, "complete");
        harness.Clock.Advance(Pending + DeletePhase);
        await harness.DeleteKeysAsync(token, "processing");
        await harness.DeleteKeysAsync(token, "invalid");

        using var json = await harness.SummarizeDeleteRequestsAsync("startdateutc=2019-07-02T00:00:00&enddateutc=2019-07-03T00:00:00", token);

        var series = json.RootElement.GetProperty("statustimeseries").EnumerateArray()
            .Select(s => (s.GetProperty("statusid").GetInt32(), s.GetProperty("status").GetString(), s.GetProperty("requestcount").GetInt64()))
            .ToArray();
        // Aborted is absent: no request in the range ended that way.
        Assert.Equal([(1, "Processing", 2L), (5, "Completed", 1L), (7, "Invalid", 1L)], series);
        Assert.Equal(4, Total(json.RootElement).GetProperty("requestcount").GetInt64());
    }

    [Fact]
    public async Task An_empty_range_has_zero_counts_and_no_status_series()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SummarizeDeleteRequestsAsync("startdateutc=2019-06-01T00:00:00&enddateutc=2019-06-11T00:00:00", token);

        var total = Total(json.RootElement);
        Assert.Equal(10, json.RootElement.GetProperty("itemcount").GetInt32());
        Assert.Equal(0, total.GetProperty("requestcount").GetInt64());
        Assert.Equal(0, total.GetProperty("minvalue").GetInt64());
        Assert.Equal(0, total.GetProperty("maxvalue").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("statustimeseries").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("startdateutc=2019-07-02T00:00:00")]
    [InlineData("startdateutc=2019-07-02T00:00:00%2B02:00&enddateutc=2019-07-03T00:00:00%2B02:00")]
    [InlineData("startdateutc=2019-07-02T00:00:00ZZ&enddateutc=2019-07-03T00:00:00Z")]
    [InlineData("startdateutc=2019-07-03T00:00:00&enddateutc=2019-07-02T00:00:00")]
    public async Task A_range_the_route_cannot_read_gets_a_gateway_400(string query)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Get, ContactsRoutes.DeleteRequestsSummary + "?" + query, null, token, expectedStatus: 400);

        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
    }

    [Fact]
    public async Task The_documented_request_with_a_Z_on_the_range_is_read_as_UTC()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        await harness.DeleteKeysAsync(token, "k");

        // The route document's example request writes the range with a Z.
        using var withZ = await harness.SummarizeDeleteRequestsAsync("startdateutc=2019-07-02T00:00:00Z&enddateutc=2019-07-02T05:00:00Z", token);
        using var withoutZ = await harness.SummarizeDeleteRequestsAsync("startdateutc=2019-07-02T00:00:00&enddateutc=2019-07-02T05:00:00", token);

        Assert.Equal(5, withZ.RootElement.GetProperty("itemcount").GetInt32());
        Assert.Equal(Items(Total(withoutZ.RootElement)), Items(Total(withZ.RootElement)));
    }

    // The route document gives the total series as an array of one series.
    private static JsonElement Total(JsonElement root) => Assert.Single(root.GetProperty("totaltimeseries").EnumerateArray());

    private static (string?, long)[] Items(JsonElement series) =>
        series.GetProperty("items").EnumerateArray()
            .Select(item => (item.GetProperty("time").GetString(), item.GetProperty("value").GetInt64()))
            .ToArray();

    private static Task<EmulatorHarness> StartAsync(Func<EmulatedDeleteRequest, DeleteOutcome>? outcome = null) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            TokenLifetime = TimeSpan.FromDays(3650),
            PendingDuration = Pending,
            // These tests time the phases from PendingDuration; the queue has its own tests (DeleteQueueTests).
            DeleteQueueEnabled = false,
            NumberOfRestorableDays = 0,
            DeletePhaseDuration = DeletePhase,
            OutcomeSelector = outcome ?? (_ => DeleteOutcome.Completed),
        });
}
