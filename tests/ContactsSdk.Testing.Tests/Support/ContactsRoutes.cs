using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ContactsSdk.Testing.Tests.Support;

/// <summary>The paths of the Contacts routes beyond delete and status, and raw calls to them.</summary>
internal static class ContactsRoutes
{
    public const string ConfigSettings = "contacts/v1/contacts/actions/delete/configSettings";
    public const string DeleteRequests = "contacts/v1/contacts/analytics/deleterequests";
    public const string DeleteRequestsSummary = "contacts/v1/contacts/analytics/deleterequests/summary";
    public const string DeleteOperations = "contacts/v1/contacts/deleteOperations";
    public const string Restrict = "contacts/v1/contacts/actions/restrict";
    public const string RestrictStatus = "contacts/v1/contacts/actions/restrict/status";

    /// <summary>The spec's path keys, to read the routes' examples.</summary>
    public const string ConfigSettingsSpecPath = "/" + ConfigSettings;
    public const string DeleteRetrySpecPath = "/contacts/v1/operations/delete/{operationID}/retry";
    public const string DeleteRequestsSpecPath = "/" + DeleteRequests;
    public const string DeleteRequestsSummarySpecPath = "/" + DeleteRequestsSummary;
    public const string DeleteOperationsSpecPath = "/" + DeleteOperations;
    public const string RestrictSpecPath = "/" + Restrict;
    public const string RestrictStatusSpecPath = "/" + RestrictStatus;
    public const string DeleteSpecPath = "/contacts/v1/contacts/actions/delete";
    public const string EmailSearch = "contacts/v1/addresses/email/search";
    public const string EmailSearchSpecPath = "/" + EmailSearch;

    public static string DeleteRetry(string operationId) => $"contacts/v1/operations/delete/{operationId}/retry";

    public static string DeleteRetry(long operationId) => DeleteRetry(operationId.ToString(CultureInfo.InvariantCulture));

    public static string RestrictRetry(string operationId) => $"contacts/v1/operations/restrict/{operationId}/retry";

    public static string RestrictRetry(long operationId) => RestrictRetry(operationId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets SuppressionRestoreUntilDays, asserting that it was stored.</summary>
    public static async Task ConfigureRestorableDaysAsync(this EmulatorHarness harness, string token, string value)
    {
        var body = $$"""{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"{{value}}"}]}""";
        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ConfigSettings, body, token);
        Assert.False(json.RootElement.GetProperty("hasErrors").GetBoolean(), json.RootElement.ToString());
    }

    /// <summary>Starts a keys restriction and returns its operation ID.</summary>
    public static async Task<long> RestrictKeysAsync(this EmulatorHarness harness, string token, params string[] keys)
    {
        var body = JsonSerializer.Serialize(new { values = keys });
        using var json = await harness.SendForJsonAsync(HttpMethod.Post, Restrict + "?type=keys", body, token);
        Assert.True(json.RootElement.GetProperty("operationInitiated").GetBoolean(), json.RootElement.ToString());
        return json.RootElement.GetProperty("operationID").GetInt64();
    }

    public static Task<JsonDocument> GetRestrictStatusJsonAsync(this EmulatorHarness harness, long operationId, string token) =>
        harness.SendForJsonAsync(HttpMethod.Get, RestrictStatus + "?operationID=" + operationId.ToString(CultureInfo.InvariantCulture), null, token);

    public static Task<JsonDocument> RetryDeletionAsync(this EmulatorHarness harness, long operationId, string token) =>
        harness.SendForJsonAsync(HttpMethod.Post, DeleteRetry(operationId), null, token);

    /// <summary>The delete requests list for a query string (without the leading '?'), asserting HTTP 200.</summary>
    public static Task<JsonDocument> ListDeleteRequestsAsync(this EmulatorHarness harness, string query, string token) =>
        harness.SendForJsonAsync(HttpMethod.Get, DeleteRequests + "?" + query, null, token);

    /// <summary>The delete operations list for a query string (without the leading '?'), asserting HTTP 200.</summary>
    public static Task<JsonDocument> ListDeleteOperationsAsync(this EmulatorHarness harness, string query, string token) =>
        harness.SendForJsonAsync(HttpMethod.Get, DeleteOperations + "?" + query, null, token);

    public static Task<JsonDocument> SummarizeDeleteRequestsAsync(this EmulatorHarness harness, string query, string token) =>
        harness.SendForJsonAsync(HttpMethod.Get, DeleteRequestsSummary + "?" + query, null, token);
}
