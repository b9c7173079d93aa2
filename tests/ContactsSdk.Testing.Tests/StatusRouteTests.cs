using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The status route's inputs, errors and timestamp formats; the lifecycle has its own tests.</summary>
public sealed class StatusRouteTests
{
    private static readonly Regex LocalTimestamp = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$");

    [Theory]
    [InlineData("")]
    [InlineData("?operationID=")]
    [InlineData("?operationID=abc")]
    [InlineData("?operationID=1.5")]
    [InlineData("?operationID=99999999999999999999")]
    [InlineData("?operationID=1&operationID=2")]
    [InlineData("?operation=1")]
    public async Task A_missing_or_invalid_operation_id_gets_a_gateway_400(string query)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var response = await harness.GetStatusAsync(query, token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
    }

    [Fact]
    public async Task An_unknown_operation_is_a_service_error_with_HTTP_200()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var response = await harness.GetStatusAsync(42, token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        var root = json.RootElement;
        Assert.Equal(
            ["requestServiceMessageID", "responseDateTime", "hasErrors", "resultMessages", "serviceMessageID"],
            JsonShape.KeysOf(root));
        Assert.True(root.GetProperty("hasErrors").GetBoolean());
        var message = Assert.Single(root.GetProperty("resultMessages").EnumerateArray());
        Assert.Equal("Error", message.GetProperty("resultClass").GetString());
        Assert.Equal("OperationNotFound", message.GetProperty("resultCode").GetString());
        Assert.False(root.TryGetProperty("operation", out _));
    }

    [Fact]
    public async Task Operation_timestamps_are_server_wall_time_without_an_offset()
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            ServerUtcOffset = TimeSpan.FromHours(-4),
        });
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(TimeSpan.FromMilliseconds(490));

        using var json = await harness.GetStatusJsonAsync(operationId, token);

        var operation = json.RootElement.GetProperty("operation");
        // Created at 18:24:48.013Z: 14:24:48.013 at -04:00, like the route document's example.
        Assert.Equal("2019-07-02T14:24:48.013", operation.GetProperty("scheduledDate").GetString());
        Assert.Equal("2019-07-02T14:24:48.013", operation.GetProperty("startDate").GetString());
        Assert.Equal("2019-07-02T14:24:48.013", operation.GetProperty("endDate").GetString());
        // Rounded to the minute, as Marketing Cloud's createdDate is.
        Assert.Equal("2019-07-02T14:25:00", operation.GetProperty("createdDate").GetString());
        Assert.Equal("2019-07-02T14:25:00", operation.GetProperty("modifiedDate").GetString());
        Assert.Equal("2019-07-02T14:24:48.503-04:00", json.RootElement.GetProperty("responseDateTime").GetString());
        foreach (var name in new[] { "scheduledDate", "startDate", "endDate", "createdDate", "modifiedDate" })
        {
            Assert.Matches(LocalTimestamp, operation.GetProperty(name).GetString()!);
        }
    }

    [Fact]
    public async Task The_delete_phase_creation_time_keeps_its_full_precision_without_an_offset()
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            PendingDuration = TimeSpan.FromTicks(1234),
            // The suppression ends after exactly PendingDuration only without the queue.
            DeleteQueueEnabled = false,
            NumberOfRestorableDays = 0,
        });
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        using var json = await harness.GetStatusJsonAsync(operationId, token);

        var created = json.RootElement.GetProperty("backgroundOperationsSummary")[0].GetProperty("createdDate").GetString()!;
        Assert.Equal("2019-07-02T12:24:48.0131234", created);
        Assert.Matches(LocalTimestamp, created);
    }

    [Fact]
    public async Task The_operation_reports_the_request_and_the_tenant()
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            AccountId = 7281234,
            NumberOfRestorableDays = 2,
        });
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "a", "b", "c");

        using var json = await harness.GetStatusJsonAsync(operationId, token);

        var root = json.RootElement;
        var operation = root.GetProperty("operation");
        var emulated = harness.Emulator.FindOperation(operationId)!;
        Assert.Equal(2, root.GetProperty("numberofRestorableDays").GetInt32());
        Assert.Equal(operationId, operation.GetProperty("operationID").GetInt64());
        Assert.Equal(7281234, operation.GetProperty("eID").GetInt64());
        Assert.Equal(7281234, operation.GetProperty("mID").GetInt64());
        Assert.Equal(3, operation.GetProperty("expectedListCount").GetInt32());
        Assert.Equal("ContactAndAttributes", operation.GetProperty("deleteType").GetString());
        Assert.Equal(emulated.RequestId.ToString(), operation.GetProperty("requestID").GetString());
        Assert.Equal(emulated.ListKey, operation.GetProperty("listKey").GetString());
    }
}
