using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

public sealed class DeleteRouteTests
{
    private static readonly string[] InitiatedKeys =
    [
        "operationInitiated", "operationID", "requestServiceMessageID", "responseDateTime", "hasErrors", "resultMessages", "serviceMessageID",
    ];

    private static readonly string[] RejectedKeys =
        ["operationInitiated", "requestServiceMessageID", "responseDateTime", "hasErrors", "resultMessages", "serviceMessageID"];

    private static readonly string[] ResultMessageKeys = ["resultType", "resultClass", "resultCode", "message"];

    [Fact]
    public async Task Deleting_by_keys_initiates_an_operation()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var response = await harness.PostDeleteAsync(
            "keys", """{"values":["key-1","key-2"],"DeleteOperationType":"ContactAndAttributes"}""", token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        var root = json.RootElement;
        Assert.Equal(InitiatedKeys, JsonShape.KeysOf(root));
        Assert.True(root.GetProperty("operationInitiated").GetBoolean());
        Assert.Equal(1, root.GetProperty("operationID").GetInt64());
        Assert.False(root.GetProperty("hasErrors").GetBoolean());
        Assert.Equal(0, root.GetProperty("resultMessages").GetArrayLength());
        Assert.True(Guid.TryParse(root.GetProperty("requestServiceMessageID").GetString(), out _));
        Assert.True(Guid.TryParse(root.GetProperty("serviceMessageID").GetString(), out _));
        // 18:24:48.013Z at the default server offset.
        Assert.Equal("2019-07-02T12:24:48.013-06:00", root.GetProperty("responseDateTime").GetString());

        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(DeleteRequestType.Keys, operation.Request.Type);
        Assert.Equal(["key-1", "key-2"], operation.Request.Keys);
        Assert.Equal("ContactAndAttributes", operation.Request.DeleteOperationType);
        Assert.Equal(EmulatorHarness.Start, operation.CreatedAt);
        Assert.Equal(root.GetProperty("requestServiceMessageID").GetString(), operation.RequestId.ToString());
    }

    [Fact]
    public async Task Deleting_by_ids_initiates_an_operation()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var response = await harness.PostDeleteAsync("ids", """{"values":[101,202],"DeleteOperationType":"ContactAndAttributes"}""", token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(InitiatedKeys, JsonShape.KeysOf(json.RootElement));
        Assert.True(json.RootElement.GetProperty("operationInitiated").GetBoolean());
        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(DeleteRequestType.Ids, operation.Request.Type);
        Assert.Equal([101L, 202L], operation.Request.Ids);
    }

    [Fact]
    public async Task Deleting_by_list_reference_initiates_an_operation()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        const string body = """
            {"deleteOperationType":"ContactAndAttributes","targetList":{"listType":{"listTypeID":3},"listKey":"Erasures-DE"},
             "deleteListWhenCompleted":true,"deleteListContentsWhenCompleted":false}
            """;

        using var response = await harness.PostDeleteAsync("listReference", body, token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        // The type=listReference route document's answer: the list it read comes first.
        using var example = SeedExamples.LoadResponse(ContactsRoutes.DeleteSpecPath, "post", "startedByListReference");
        Assert.Equal(["targetListInformation", .. InitiatedKeys], JsonShape.KeysOf(json.RootElement));
        Assert.Equal(JsonShape.SchemaOf(example.RootElement.GetProperty("targetListInformation")), JsonShape.SchemaOf(json.RootElement.GetProperty("targetListInformation")));
        Assert.Equal("Erasures-DE", json.RootElement.GetProperty("targetListInformation").GetProperty("listKey").GetString());
        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(DeleteRequestType.ListReference, operation.Request.Type);
        Assert.Equal("Erasures-DE", operation.Request.ListKey);
        Assert.Equal(3, operation.Request.ListTypeId);
        Assert.True(operation.Request.DeleteListWhenCompleted);
        Assert.Equal("Erasures-DE", operation.ListKey);
        Assert.Equal(3, operation.ListTypeId);
    }

    [Theory]
    [InlineData("keys", """{"values":["k"],"DeleteOperationType":"ContactAndAttributes"}""")]
    [InlineData("keys", """{"Values":["k"],"DeleteOperationType":"ContactAndAttributes"}""")]
    [InlineData("keys", """{"values":["k"],"deleteOperationType":"ContactAndAttributes"}""")]
    [InlineData("keys", """{"VALUES":["k"],"deleteoperationtype":"ContactAndAttributes"}""")]
    [InlineData("keys", """{"values":["k"]}""")]
    [InlineData("ids", """{"Values":[7],"deleteOperationType":"ContactAndAttributes"}""")]
    [InlineData("listReference", """{"DeleteOperationType":"ContactAndAttributes","TargetList":{"ListKey":"DE"}}""")]
    [InlineData("Keys", """{"values":["k"]}""")]
    [InlineData("listreference", """{"targetList":{"listKey":"DE"}}""")]
    public async Task Property_names_and_the_type_are_matched_whatever_their_case(string type, string body)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var response = await harness.PostDeleteAsync(type, body, token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.True(json.RootElement.GetProperty("operationInitiated").GetBoolean(), json.RootElement.ToString());
        Assert.Equal("ContactAndAttributes", Assert.Single(harness.Emulator.Operations).Request.DeleteOperationType);
    }

    [Theory]
    [InlineData("keys", """{"values":[],"DeleteOperationType":"ContactAndAttributes"}""", "ValuesRequired")]
    [InlineData("keys", """{"DeleteOperationType":"ContactAndAttributes"}""", "ValuesRequired")]
    [InlineData("keys", """{"values":"k"}""", "ValuesRequired")]
    [InlineData("keys", """{"values":["ok",42]}""", "InvalidValue")]
    [InlineData("keys", """{"values":[" "]}""", "InvalidValue")]
    [InlineData("ids", """{"values":["12"]}""", "InvalidValue")]
    [InlineData("ids", """{"values":[1.5]}""", "InvalidValue")]
    [InlineData("ids", """{"values":[]}""", "ValuesRequired")]
    [InlineData("names", """{"values":["k"]}""", "InvalidDeleteType")]
    [InlineData(null, """{"values":["k"]}""", "InvalidDeleteType")]
    [InlineData("keys", """{"values":["k"],"DeleteOperationType":""}""", "InvalidDeleteOperationType")]
    [InlineData("keys", """{"values":["k"],"DeleteOperationType":3}""", "InvalidDeleteOperationType")]
    [InlineData("listReference", """{"targetList":{"listType":{"listTypeID":3}}}""", "ListKeyRequired")]
    [InlineData("listReference", """{"targetList":{"listKey":""}}""", "ListKeyRequired")]
    [InlineData("listReference", """{"deleteOperationType":"ContactAndAttributes"}""", "ListKeyRequired")]
    [InlineData("listReference", """{"targetList":{"listKey":"DE","listType":{"listTypeID":"three"}}}""", "InvalidListType")]
    public async Task A_request_the_service_cannot_carry_out_gets_a_service_error_with_HTTP_200(string? type, string body, string resultCode)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var response = await harness.PostDeleteAsync(type, body, token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        var root = json.RootElement;
        Assert.Equal(RejectedKeys, JsonShape.KeysOf(root));
        Assert.False(root.GetProperty("operationInitiated").GetBoolean());
        Assert.True(root.GetProperty("hasErrors").GetBoolean());
        var message = Assert.Single(root.GetProperty("resultMessages").EnumerateArray());
        Assert.Equal(ResultMessageKeys, JsonShape.KeysOf(message));
        Assert.Equal("Error", message.GetProperty("resultClass").GetString());
        Assert.Equal(resultCode, message.GetProperty("resultCode").GetString());
        Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("message").GetString()));
        Assert.Empty(harness.Emulator.Operations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"values":["k"]""")]
    [InlineData("""{"values":['k']}""")]
    [InlineData("[\"k\"]")]
    public async Task A_body_that_is_not_a_JSON_object_gets_a_gateway_400(string body)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var response = await harness.PostDeleteAsync("keys", body, token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("errorcode").ValueKind);
        Assert.Empty(harness.Emulator.Operations);
    }

    [Fact]
    public async Task Operation_ids_count_up_from_one()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        var ids = new[]
        {
            await harness.DeleteKeysAsync(token, "a"),
            await harness.DeleteKeysAsync(token, "b"),
            await harness.DeleteKeysAsync(token, "c"),
        };

        Assert.Equal([1L, 2L, 3L], ids);
        Assert.Equal(ids, harness.Emulator.Operations.Select(operation => operation.OperationId));
        Assert.Same(harness.Emulator.Operations[1], harness.Emulator.FindOperation(2));
        Assert.Null(harness.Emulator.FindOperation(4));
    }

    [Fact]
    public async Task The_response_time_carries_the_configured_server_offset()
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            ServerUtcOffset = TimeSpan.FromHours(-4),
        });
        var token = await harness.GetTokenAsync();

        using var response = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", token);
        using var json = await EmulatorHarness.ReadJsonAsync(response);

        var responseDateTime = json.RootElement.GetProperty("responseDateTime").GetString()!;
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?[+-]\d{2}:\d{2}$"), responseDateTime);
        Assert.Equal("2019-07-02T14:24:48.013-04:00", responseDateTime);
    }
}
