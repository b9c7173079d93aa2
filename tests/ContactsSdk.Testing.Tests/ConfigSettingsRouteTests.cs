using System;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>configSettings: the restorable period of later deletions, its errors, and its effect on the lifecycle.</summary>
public sealed class ConfigSettingsRouteTests
{
    private static readonly TimeSpan Pending = EmulatorOptions.DefaultPendingDuration;

    [Fact]
    public async Task The_spec_example_is_stored_and_answered_with_the_example_shape()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var body = SeedExamples.RawRequestJson(ContactsRoutes.ConfigSettingsSpecPath, "post", "immediateDeletion");

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.ConfigSettings, body, token);
        using var example = SeedExamples.LoadResponse(ContactsRoutes.ConfigSettingsSpecPath, "post", "stored");

        Assert.Equal(JsonShape.Of(example.RootElement), JsonShape.Of(json.RootElement));
        Assert.False(json.RootElement.GetProperty("hasErrors").GetBoolean());
        Assert.Equal("2019-07-02T12:24:48.013-06:00", json.RootElement.GetProperty("responseDateTime").GetString());
        Assert.Equal(0, harness.Emulator.NumberOfRestorableDays);
    }

    [Fact]
    public async Task Each_deletion_keeps_the_period_set_when_it_was_created()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        var before = await harness.DeleteKeysAsync(token, "before");
        await harness.ConfigureRestorableDaysAsync(token, "-1");
        var immediate = await harness.DeleteKeysAsync(token, "immediate");
        await harness.ConfigureRestorableDaysAsync(token, "3");
        var threeDays = await harness.DeleteKeysAsync(token, "three-days");

        Assert.Equal(14, await RestorableDaysAsync(harness, before, token));
        Assert.Equal(0, await RestorableDaysAsync(harness, immediate, token));
        Assert.Equal(3, await RestorableDaysAsync(harness, threeDays, token));
        Assert.Equal(3, harness.Emulator.NumberOfRestorableDays);
        Assert.Equal(0, harness.Emulator.FindOperation(immediate)!.NumberOfRestorableDays);
    }

    [Fact]
    public async Task Minus_one_starts_the_delete_phase_right_after_the_suppression()
    {
        // Both deletions suppressed after PendingDuration, side by side: the queue has its own tests.
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, DeleteQueueEnabled = false });
        var token = await harness.GetTokenAsync();
        var unchanged = await harness.DeleteKeysAsync(token, "unchanged");
        await harness.ConfigureRestorableDaysAsync(token, "-1");
        var immediate = await harness.DeleteKeysAsync(token, "immediate");

        harness.Clock.Advance(Pending - TimeSpan.FromTicks(1));
        using (var stillPending = await harness.GetStatusJsonAsync(immediate, token))
        {
            Assert.Equal("Pending", stillPending.RootElement.GetProperty("operation").GetProperty("status").GetString());
        }

        harness.Clock.Advance(TimeSpan.FromTicks(1));
        using var deleting = await harness.GetStatusJsonAsync(immediate, token);
        using var suppressed = await harness.GetStatusJsonAsync(unchanged, token);

        var summary = deleting.RootElement.GetProperty("backgroundOperationsSummary")[0];
        Assert.Equal("Processing", summary.GetProperty("backgroundOperationStatusID").GetString());
        Assert.Equal("Completed", deleting.RootElement.GetProperty("operation").GetProperty("status").GetString());
        // The deletion created before the change still has its 14 restorable days ahead.
        Assert.False(suppressed.RootElement.TryGetProperty("backgroundOperationsSummary", out _));
    }

    [Theory]
    [InlineData("""{}""", "SettingsRequired")]
    [InlineData("""{"items":[]}""", "SettingsRequired")]
    [InlineData("""{"items":{"settingKey":"SuppressionRestoreUntilDays","value":"0"}}""", "SettingsRequired")]
    [InlineData("""{"items":["SuppressionRestoreUntilDays"]}""", "InvalidSetting")]
    [InlineData("""{"items":[{"value":"0"}]}""", "InvalidSetting")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays"}]}""", "InvalidSetting")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":0}]}""", "InvalidSetting")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":null}]}""", "InvalidSetting")]
    [InlineData("""{"items":[{"settingKey":"RestoreDays","value":"0"}]}""", "UnknownSettingKey")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"-2"}]}""", "InvalidSettingValue")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"3651"}]}""", "InvalidSettingValue")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"two"}]}""", "InvalidSettingValue")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"1.5"}]}""", "InvalidSettingValue")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":""}]}""", "InvalidSettingValue")]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"2"},{"settingKey":"Other","value":"1"}]}""", "UnknownSettingKey")]
    public async Task A_setting_the_service_cannot_use_gets_a_service_error_with_HTTP_200_and_changes_nothing(string body, string resultCode)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.ConfigSettings, body, token);

        var root = json.RootElement;
        Assert.Equal(
            ["requestServiceMessageID", "responseDateTime", "hasErrors", "resultMessages", "serviceMessageID"],
            JsonShape.KeysOf(root));
        Assert.True(root.GetProperty("hasErrors").GetBoolean());
        var message = Assert.Single(root.GetProperty("resultMessages").EnumerateArray());
        Assert.Equal("Error", message.GetProperty("resultClass").GetString());
        Assert.Equal("ConfigSettings", message.GetProperty("resultType").GetString());
        Assert.Equal(resultCode, message.GetProperty("resultCode").GetString());
        Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("message").GetString()));
        Assert.Equal(EmulatorOptions.DefaultNumberOfRestorableDays, harness.Emulator.NumberOfRestorableDays);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"items":[{"settingKey":'SuppressionRestoreUntilDays'}]}""")]
    [InlineData("""[{"settingKey":"SuppressionRestoreUntilDays","value":"-1"}]""")]
    public async Task A_body_that_is_not_a_JSON_object_gets_a_gateway_400(string body)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.ConfigSettings, body, token, expectedStatus: 400);

        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        Assert.Equal(EmulatorOptions.DefaultNumberOfRestorableDays, harness.Emulator.NumberOfRestorableDays);
    }

    [Theory]
    [InlineData("""{"Items":[{"SettingKey":"suppressionrestoreuntildays","Value":"2"}]}""", 2)]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"5"},{"settingKey":"SuppressionRestoreUntilDays","value":"0"}]}""", 0)]
    [InlineData("""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"3650"}]}""", 3650)]
    public async Task Names_match_whatever_their_case_and_the_last_value_of_a_key_wins(string body, int expectedDays)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.ConfigSettings, body, token);

        Assert.False(json.RootElement.GetProperty("hasErrors").GetBoolean(), json.RootElement.ToString());
        Assert.Equal(expectedDays, harness.Emulator.NumberOfRestorableDays);
    }

    private static async Task<int> RestorableDaysAsync(EmulatorHarness harness, long operationId, string token)
    {
        using var json = await harness.GetStatusJsonAsync(operationId, token);
        return json.RootElement.GetProperty("numberofRestorableDays").GetInt32();
    }
}
