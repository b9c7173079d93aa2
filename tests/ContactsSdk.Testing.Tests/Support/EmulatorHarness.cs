using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ContactsSdk.Testing.Tests.Support;

/// <summary>
/// One emulator on a fake clock and a raw HttpClient aimed at it. Tests talk plain HTTP: the
/// emulator is checked against the wire format, not against the SDK.
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    /// <summary>The fake clock's start: 2019-07-02T18:24:48.013Z, 12:24:48.013 at the default server offset.</summary>
    public static readonly DateTimeOffset Start = new(2019, 7, 2, 18, 24, 48, 13, TimeSpan.Zero);

    private EmulatorHarness(FakeTimeProvider clock, MarketingCloudEmulator emulator)
    {
        Clock = clock;
        Emulator = emulator;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = emulator.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public FakeTimeProvider Clock { get; }

    public MarketingCloudEmulator Emulator { get; }

    public HttpClient Http { get; }

    /// <summary>Starts an emulator; <paramref name="options"/> builds its options around the fake clock it is given.</summary>
    public static async Task<EmulatorHarness> StartAsync(Func<FakeTimeProvider, EmulatorOptions>? options = null)
    {
        var clock = new FakeTimeProvider(Start);
        var emulatorOptions = options?.Invoke(clock) ?? new EmulatorOptions { TimeProvider = clock };
        // Guard against a test silently running on the real clock.
        var driver = emulatorOptions.TimeProvider is ObservableTimeProvider observable ? observable.Inner : emulatorOptions.TimeProvider;
        Assert.Same(clock, driver);
        return new EmulatorHarness(clock, await MarketingCloudEmulator.StartAsync(emulatorOptions));
    }

    public Task<HttpResponseMessage> PostTokenAsync(string json) =>
        Http.PostAsync("v2/token", new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostTokenAsync(JsonObject body) => PostTokenAsync(body.ToJsonString());

    /// <summary>A token for the emulator's own credentials.</summary>
    public async Task<string> GetTokenAsync(string? scope = null)
    {
        var body = new JsonObject
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Emulator.Credentials.ClientId,
            ["client_secret"] = Emulator.Credentials.ClientSecret,
        };
        if (scope is not null)
        {
            body["scope"] = scope;
        }

        using var response = await PostTokenAsync(body);
        Assert.Equal(200, (int)response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public Task<HttpResponseMessage> PostDeleteAsync(string? type, string json, string? token)
    {
        var path = type is null ? "contacts/v1/contacts/actions/delete" : $"contacts/v1/contacts/actions/delete?type={type}";
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        Authorize(request, token);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetStatusAsync(string query, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "contacts/v1/contacts/actions/delete/status" + query);
        Authorize(request, token);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetStatusAsync(long operationId, string? token) =>
        GetStatusAsync($"?operationID={operationId}", token);

    /// <summary>Any request to the emulator: a JSON body when <paramref name="json"/> is not null, a bearer token when <paramref name="token"/> is not null.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        Authorize(request, token);
        return Http.SendAsync(request);
    }

    /// <summary>Sends a request and reads its JSON body, asserting the HTTP status.</summary>
    public async Task<JsonDocument> SendForJsonAsync(HttpMethod method, string path, string? json, string token, int expectedStatus = 200)
    {
        using var response = await SendAsync(method, path, json, token);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    /// <summary>Starts a keys deletion and returns its operation ID.</summary>
    public async Task<long> DeleteKeysAsync(string token, params string[] keys)
    {
        var body = new JsonObject
        {
            ["values"] = new JsonArray([.. keys.Select(key => (JsonNode?)key)]),
            ["DeleteOperationType"] = "ContactAndAttributes",
        };
        using var response = await PostDeleteAsync("keys", body.ToJsonString(), token);
        Assert.Equal(200, (int)response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.True(json.RootElement.GetProperty("operationInitiated").GetBoolean());
        return json.RootElement.GetProperty("operationID").GetInt64();
    }

    /// <summary>The status of an operation, asserting HTTP 200.</summary>
    public async Task<JsonDocument> GetStatusJsonAsync(long operationId, string token)
    {
        using var response = await GetStatusAsync(operationId, token);
        Assert.Equal(200, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
