using System;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The restrict route and its status route: shapes against the spec's examples, the one-phase lifecycle, errors.</summary>
public sealed class RestrictRouteTests
{
    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static readonly string[] RejectedKeys =
        ["operationInitiated", "requestServiceMessageID", "responseDateTime", "hasErrors", "resultMessages", "serviceMessageID"];

    [Theory]
    [InlineData("keys", "byKeys", DeleteRequestType.Keys)]
    [InlineData("ids", "byIds", DeleteRequestType.Ids)]
    [InlineData("listReference", "byListReference", DeleteRequestType.ListReference)]
    public async Task Each_request_example_of_the_spec_starts_a_restriction_answered_like_the_response_example(
        string type, string requestExample, DeleteRequestType expectedType)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var body = SeedExamples.RawRequestJson(ContactsRoutes.RestrictSpecPath, "post", requestExample);

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.Restrict + "?type=" + type, body, token);
        using var example = SeedExamples.LoadResponse(ContactsRoutes.RestrictSpecPath, "post", "started");

        Assert.Equal(JsonShape.Of(example.RootElement), JsonShape.Of(json.RootElement));
        Assert.True(json.RootElement.GetProperty("operationInitiated").GetBoolean());
        var restriction = Assert.Single(harness.Emulator.Restrictions);
        Assert.Equal(expectedType, restriction.Request.Type);
        Assert.Equal(json.RootElement.GetProperty("operationID").GetInt64(), restriction.OperationId);
        Assert.Equal(json.RootElement.GetProperty("requestServiceMessageID").GetString(), restriction.RequestId.ToString());
        Assert.Empty(harness.Emulator.Operations);
    }

    [Fact]
    public async Task The_status_has_exactly_the_shape_of_the_spec_examples_and_goes_from_Pending_to_Completed()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.RestrictKeysAsync(token, "a", "b");
        using var example = SeedExamples.LoadResponse(ContactsRoutes.RestrictStatusSpecPath, "get", "pending");
        using var completedExample = SeedExamples.LoadResponse(ContactsRoutes.RestrictStatusSpecPath, "get", "completed");

        using (var pending = await harness.GetRestrictStatusJsonAsync(operationId, token))
        {
            Assert.Equal(JsonShape.Of(example.RootElement), JsonShape.Of(pending.RootElement));
            var operation = pending.RootElement.GetProperty("operation");
            Assert.Equal(operationId, operation.GetProperty("operationID").GetInt64());
            Assert.Equal("Pending", operation.GetProperty("status").GetString());
            Assert.Equal(2, operation.GetProperty("expectedListCount").GetInt32());
            Assert.Equal(0, operation.GetProperty("retryCount").GetInt32());
            var restriction = harness.Emulator.FindRestriction(operationId)!;
            Assert.Equal(restriction.RequestId.ToString(), operation.GetProperty("operationRequestID").GetString());
            Assert.Equal(restriction.ListKey, operation.GetProperty("listKey").GetString());
            Assert.False(operation.GetProperty("isRestrictedForProcessing").GetBoolean());
            Assert.Equal(0, operation.GetProperty("actualListCount").GetInt32());
            Assert.Empty(pending.RootElement.GetProperty("backgroundOperationsSummary").EnumerateArray());
            Assert.Equal(-1, pending.RootElement.GetProperty("numberofRestorableDays").GetInt32());
            Assert.Equal("2019-07-02T12:24:48.013", operation.GetProperty("scheduledTime").GetString());
            Assert.Equal("2019-07-02T12:24:48.013", operation.GetProperty("endTime").GetString());
            // 18:24:48.013Z is 12:24:48.013 server time, rounded to the minute and written without an offset.
            Assert.Equal("2019-07-02T12:25:00", operation.GetProperty("createdDate").GetString());
            Assert.Equal("2019-07-02T12:25:00", operation.GetProperty("modifiedDate").GetString());
        }

        harness.Clock.Advance(Pending - Tick);
        using (var stillPending = await harness.GetRestrictStatusJsonAsync(operationId, token))
        {
            Assert.Equal("Pending", stillPending.RootElement.GetProperty("operation").GetProperty("status").GetString());
        }

        harness.Clock.Advance(Tick);
        using var completed = await harness.GetRestrictStatusJsonAsync(operationId, token);
        Assert.Equal(JsonShape.Of(completedExample.RootElement), JsonShape.Of(completed.RootElement));
        var done = completed.RootElement.GetProperty("operation");
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("isRestrictedForProcessing").GetBoolean());
        Assert.Equal(2, done.GetProperty("actualListCount").GetInt32());
        Assert.Equal("2019-07-02T12:29:48.013", done.GetProperty("endTime").GetString());
        Assert.Equal("2019-07-02T12:25:00", done.GetProperty("createdDate").GetString());
        // Completed at 12:29:48.013 server time: the record's last change.
        Assert.Equal("2019-07-02T12:30:00", done.GetProperty("modifiedDate").GetString());
        Assert.True(harness.Emulator.FindRestriction(operationId)!.IsCompletedAt(harness.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_list_reference_restriction_reports_its_list()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        const string body = """{"targetList":{"listType":{"listTypeID":3},"listKey":"Restrict-DE"},"deleteListWhenCompleted":true}""";
        using var started = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.Restrict + "?type=listReference", body, token);
        var operationId = started.RootElement.GetProperty("operationID").GetInt64();

        using var status = await harness.GetRestrictStatusJsonAsync(operationId, token);

        Assert.Equal("Restrict-DE", status.RootElement.GetProperty("operation").GetProperty("listKey").GetString());
        var request = harness.Emulator.FindRestriction(operationId)!.Request;
        Assert.Equal("Restrict-DE", request.ListKey);
        Assert.Equal(3, request.ListTypeId);
        Assert.True(request.DeleteListWhenCompleted);
        Assert.False(request.DeleteListContentsWhenCompleted);
    }

    [Theory]
    [InlineData("keys", """{"values":[]}""", "ValuesRequired")]
    [InlineData("keys", """{}""", "ValuesRequired")]
    [InlineData("keys", """{"values":["ok",42]}""", "InvalidValue")]
    [InlineData("ids", """{"values":["12"]}""", "InvalidValue")]
    [InlineData("ids", """{"values":[1.5]}""", "InvalidValue")]
    [InlineData("names", """{"values":["k"]}""", "InvalidRestrictType")]
    [InlineData(null, """{"values":["k"]}""", "InvalidRestrictType")]
    [InlineData("listReference", """{"targetList":{"listType":{"listTypeID":3}}}""", "ListKeyRequired")]
    [InlineData("listReference", """{"targetList":{"listKey":"DE","listType":{"listTypeID":"three"}}}""", "InvalidListType")]
    public async Task A_request_the_service_cannot_carry_out_gets_a_service_error_with_HTTP_200(string? type, string body, string resultCode)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();
        var path = type is null ? ContactsRoutes.Restrict : ContactsRoutes.Restrict + "?type=" + type;

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, path, body, token);

        var root = json.RootElement;
        Assert.Equal(RejectedKeys, JsonShape.KeysOf(root));
        Assert.False(root.GetProperty("operationInitiated").GetBoolean());
        Assert.True(root.GetProperty("hasErrors").GetBoolean());
        var message = Assert.Single(root.GetProperty("resultMessages").EnumerateArray());
        Assert.Equal("RestrictRequest", message.GetProperty("resultType").GetString());
        Assert.Equal("Error", message.GetProperty("resultClass").GetString());
        Assert.Equal(resultCode, message.GetProperty("resultCode").GetString());
        Assert.Empty(harness.Emulator.Restrictions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[\"k\"]")]
    public async Task A_body_that_is_not_a_JSON_object_gets_a_gateway_400(string body)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.Restrict + "?type=keys", body, token, expectedStatus: 400);

        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        Assert.Empty(harness.Emulator.Restrictions);
    }

    [Fact]
    public async Task Deletions_and_restrictions_share_one_ID_sequence_and_each_status_route_knows_only_its_own()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        var deletion = await harness.DeleteKeysAsync(token, "d");
        var restriction = await harness.RestrictKeysAsync(token, "r");

        Assert.Equal((1L, 2L), (deletion, restriction));
        using var deletionOnRestrictRoute = await harness.GetRestrictStatusJsonAsync(deletion, token);
        using var restrictionOnDeleteRoute = await harness.GetStatusJsonAsync(restriction, token);
        foreach (var json in new[] { deletionOnRestrictRoute, restrictionOnDeleteRoute })
        {
            Assert.Equal(
                ["requestServiceMessageID", "responseDateTime", "hasErrors", "resultMessages", "serviceMessageID"],
                JsonShape.KeysOf(json.RootElement));
            Assert.Equal("OperationNotFound", json.RootElement.GetProperty("resultMessages")[0].GetProperty("resultCode").GetString());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?operationID=abc")]
    [InlineData("?operationID=1&operationID=2")]
    public async Task A_missing_or_invalid_operation_id_gets_a_gateway_400(string query)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Get, ContactsRoutes.RestrictStatus + query, null, token, expectedStatus: 400);

        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
    }

    private static Task<EmulatorHarness> StartAsync() =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, PendingDuration = Pending });
}
