using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests.Faults;

public sealed class BodyFaultTests
{
    [Fact]
    public async Task TruncatedJson_sends_half_a_body_with_a_matching_length()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TruncatedJson());

        using var response = await harness.GetStatusAsync(operationId, token);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.StartsWith("""{"operationMappings":[],"numberofRestorableDays":14,"operation":{""", body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.TruncatedJson));
    }

    [Fact]
    public async Task MalformedJson_sends_a_body_no_JSON_parser_accepts()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.MalformedJson());

        using var response = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", token);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("""{"operationInitiated"=true,""", body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Single(harness.Emulator.Operations);
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.MalformedJson));
    }

    [Fact]
    public async Task ExtraFields_adds_undocumented_fields_and_keeps_everything_else_in_place()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ExtraFields());
        using var seed = SeedExamples.Load(SeedExamples.SuppressionPhasePending);

        using var response = await harness.GetStatusAsync(operationId, token);
        var root = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(Fault.ExtraFieldName, root.First().Key);
        Assert.True(root["operation"]!.AsObject().ContainsKey(Fault.ExtraFieldName));
        RemoveExtraFields(root);
        using var withoutExtras = JsonDocument.Parse(root.ToJsonString());
        Assert.Equal(JsonShape.Of(seed.RootElement), JsonShape.Of(withoutExtras.RootElement));
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.ExtraFields));
    }

    [Fact]
    public async Task MissingFields_removes_the_named_fields_only()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.MissingFields("operation.status", "responseDateTime"));
        using var seed = SeedExamples.Load(SeedExamples.SuppressionPhasePending);

        using var json = await harness.GetStatusJsonAsync(operationId, token);

        var expected = JsonShape.Of(seed.RootElement)
            .Where(line => !line.StartsWith("operation.status:", StringComparison.Ordinal) && !line.StartsWith("responseDateTime:", StringComparison.Ordinal));
        Assert.Equal(expected, JsonShape.Of(json.RootElement));
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.MissingFields));
    }

    [Fact]
    public async Task MissingFields_reaches_into_every_element_of_an_array()
    {
        await using var harness = await StartInDeletePhaseAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(
            EmulatorRoute.Status, Fault.MissingFields("backgroundOperationsSummary.backgroundOperationStatusID"));

        using var json = await harness.GetStatusJsonAsync(1, token);

        var summary = json.RootElement.GetProperty("backgroundOperationsSummary")[0];
        Assert.Equal(["backgroundOperationID", "createdDate"], JsonShape.KeysOf(summary));
    }

    [Fact]
    public async Task UnknownOperationStatus_reports_an_undocumented_operation_status()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.UnknownOperationStatus());
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.UnknownOperationStatus("Rescheduling"));

        using var first = await harness.GetStatusJsonAsync(operationId, token);
        using var second = await harness.GetStatusJsonAsync(operationId, token);

        Assert.Equal(Fault.DefaultUnknownOperationStatus, first.RootElement.GetProperty("operation").GetProperty("status").GetString());
        Assert.Equal("Rescheduling", second.RootElement.GetProperty("operation").GetProperty("status").GetString());
        Assert.Equal(2, harness.Emulator.Statistics.FaultsInjected(FaultKind.UnknownOperationStatus));
    }

    [Fact]
    public async Task UnknownBackgroundOperationStatus_reports_an_undocumented_delete_phase_status()
    {
        await using var harness = await StartInDeletePhaseAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.UnknownBackgroundOperationStatus());
        using var seed = SeedExamples.Load(SeedExamples.DeletePhaseProcessing);

        using var json = await harness.GetStatusJsonAsync(1, token);

        Assert.Equal(JsonShape.Of(seed.RootElement), JsonShape.Of(json.RootElement));
        var summary = json.RootElement.GetProperty("backgroundOperationsSummary")[0];
        Assert.Equal(Fault.DefaultUnknownBackgroundOperationStatus, summary.GetProperty("backgroundOperationStatusID").GetString());
        Assert.Equal("Completed", json.RootElement.GetProperty("operation").GetProperty("status").GetString());
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(FaultKind.UnknownBackgroundOperationStatus));
    }

    [Fact]
    public async Task UnknownBackgroundOperationStatus_leaves_a_suppression_phase_response_alone()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.UnknownBackgroundOperationStatus());

        using var json = await harness.GetStatusJsonAsync(operationId, token);

        Assert.False(json.RootElement.TryGetProperty("backgroundOperationsSummary", out _));
        Assert.Equal("Pending", json.RootElement.GetProperty("operation").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(EmulatorRoute.Token)]
    [InlineData(EmulatorRoute.Delete)]
    [InlineData(EmulatorRoute.All)]
    public async Task Status_value_faults_are_refused_on_routes_without_a_status(EmulatorRoute route)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        Assert.Throws<ArgumentException>(() => harness.Emulator.Faults.Enqueue(route, Fault.UnknownOperationStatus()));
        Assert.Throws<ArgumentException>(() => harness.Emulator.Faults.Enqueue(route, Fault.UnknownBackgroundOperationStatus()));
        Assert.Equal(0, harness.Emulator.Faults.QueuedCount);
    }

    private static async Task<EmulatorHarness> StartInDeletePhaseAsync()
    {
        var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            NumberOfRestorableDays = 0,
            // Reaching the delete phase after PendingDuration needs no queue; the faults are the subject.
            DeleteQueueEnabled = false,
        });
        await harness.DeleteKeysAsync(await harness.GetTokenAsync(), "k");
        harness.Clock.Advance(EmulatorOptions.DefaultPendingDuration);
        return harness;
    }

    private static void RemoveExtraFields(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove(Fault.ExtraFieldName);
                foreach (var property in obj.ToArray())
                {
                    RemoveExtraFields(property.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveExtraFields(item);
                }

                break;
        }
    }
}
