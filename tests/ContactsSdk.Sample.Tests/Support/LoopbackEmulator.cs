using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Sample.Tests.Support;

/// <summary>Plain HTTP to an emulator, and the settings that point the sample at it.</summary>
internal static class LoopbackEmulator
{
    /// <summary>The sample's settings for an endpoint, with the emulator's credentials.</summary>
    public static Dictionary<string, string> SettingsFor(Uri endpoint, string? clientSecret = null) => new()
    {
        ["MarketingCloud__EndpointOverride"] = endpoint.ToString(),
        ["MarketingCloud__ClientId"] = EmulatorOptions.DefaultClientId,
        ["MarketingCloud__ClientSecret"] = clientSecret ?? EmulatorOptions.DefaultClientSecret,
    };

    /// <summary>Starts a deletion of <paramref name="keys"/> over HTTP and returns its operation ID.</summary>
    public static async Task<long> StartDeletionAsync(Uri baseAddress, params string[] keys)
    {
        using var http = HttpFor(baseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, "contacts/v1/contacts/actions/delete?type=keys")
        {
            Content = JsonContent.Create(new { values = keys, DeleteOperationType = "ContactAndAttributes" }),
        };
        request.Headers.Authorization = new("Bearer", await TokenAsync(http));
        using var deleteResponse = await http.SendAsync(request);
        deleteResponse.EnsureSuccessStatusCode();
        using var started = JsonDocument.Parse(await deleteResponse.Content.ReadAsStringAsync());
        return started.RootElement.GetProperty("operationID").GetInt64();
    }

    /// <summary>The <c>operation.status</c> of a deletion, read over HTTP.</summary>
    public static async Task<string?> OperationStatusAsync(Uri baseAddress, long operationId)
    {
        using var http = HttpFor(baseAddress);
        using var request = new HttpRequestMessage(
            HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"contacts/v1/contacts/actions/delete/status?operationID={operationId}"));
        request.Headers.Authorization = new("Bearer", await TokenAsync(http));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return status.RootElement.GetProperty("operation").GetProperty("status").GetString();
    }

    private static HttpClient HttpFor(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<string?> TokenAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsJsonAsync("v2/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = EmulatorOptions.DefaultClientId,
            ["client_secret"] = EmulatorOptions.DefaultClientSecret,
        });
        tokenResponse.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        return token.RootElement.GetProperty("access_token").GetString();
    }

    public static Uri LoopbackAddress(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
}
