using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Authentication;
using ContactsSdk.Testing;
using ContactsSdk.Http;
using Microsoft.Extensions.Logging;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.Support;

/// <summary>How an <see cref="InstrumentedTenant"/> is put together; every part is optional.</summary>
internal sealed record TenantSetup
{
    /// <summary>
    /// The real-time request timeout of tests whose emulator holds a response back: long enough for
    /// the requests that are not held to finish on a loaded machine, short enough to keep the suite fast.
    /// </summary>
    public static readonly TimeSpan HeldResponseTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The emulator's options, given the clock the emulator must use.</summary>
    public Func<TimeProvider, EmulatorOptions>? Emulator { get; init; }

    /// <summary>Give the emulator a clock whose timers never fire, so a slow response is held until the client gives up.</summary>
    public bool StallEmulatorTimers { get; init; }

    /// <summary>The client's request timeout (real time); the SDK default otherwise.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>Refuses some of the API client's new connections at the socket level.</summary>
    public ConnectionGate? ApiConnections { get; init; }

    /// <summary>Receives the SDK's log.</summary>
    public ILoggerFactory? Logging { get; init; }
}

/// <summary>
/// Like <see cref="EmulatedTenant"/>, with the SDK wired over recording transports: every request
/// the SDK really sent (API and token endpoint) and every response the wire really delivered can be
/// inspected, and new API connections can be refused for real.
/// </summary>
internal sealed class InstrumentedTenant : IAsyncDisposable
{
    private readonly HttpClient _apiHttpClient;
    private readonly HttpClient _authHttpClient;
    private readonly ConnectionGate? _gate;

    private InstrumentedTenant(MarketingCloudEmulator emulator, VirtualClock clock, ContactsClient client, RecordingTransport api, RecordingTransport auth, HttpClient apiHttpClient, HttpClient authHttpClient, ConnectionGate? gate)
    {
        Emulator = emulator;
        Clock = clock;
        Client = client;
        Api = api;
        Auth = auth;
        _apiHttpClient = apiHttpClient;
        _authHttpClient = authHttpClient;
        _gate = gate;
    }

    public MarketingCloudEmulator Emulator { get; }

    public VirtualClock Clock { get; }

    public ContactsClient Client { get; }

    /// <summary>The gate on the API client's connections, when the setup had one.</summary>
    public ConnectionGate? ApiConnections => _gate;

    /// <summary>What the API client sent and received.</summary>
    public RecordingTransport Api { get; }

    /// <summary>What the token client sent and received.</summary>
    public RecordingTransport Auth { get; }

    /// <summary>Delete requests that left the client.</summary>
    public IReadOnlyList<WireExchange> DeleteExchanges => Api.Exchanges.Where(e => e.IsDelete).ToList();

    /// <summary>Status requests that left the client.</summary>
    public IReadOnlyList<WireExchange> StatusExchanges => Api.Exchanges.Where(e => e.IsStatus).ToList();

    /// <summary>Every access token the token endpoint handed out.</summary>
    public IReadOnlyList<string> IssuedTokens => Auth.Exchanges
        .Where(e => e.Status == 200 && e.ResponseBody is not null)
        .Select(e => ReadAccessToken(e.ResponseBody!))
        .OfType<string>()
        .Distinct()
        .ToList();

    public static async Task<InstrumentedTenant> StartAsync(TenantSetup? setup = null)
    {
        setup ??= new TenantSetup();
        var clock = new VirtualClock();
        TimeProvider emulatorClock = setup.StallEmulatorTimers ? new StalledTimersClock(clock) : clock;
        var emulator = await MarketingCloudEmulator.StartAsync(setup.Emulator?.Invoke(emulatorClock) ?? new EmulatorOptions { TimeProvider = emulatorClock });

        var options = EmulatedTenant.OptionsFor(emulator);
        if (setup.RequestTimeout is { } timeout)
        {
            options.RequestTimeout = timeout;
        }

        var auth = new RecordingTransport(new SocketsHttpHandler { AllowAutoRedirect = false });
        var authHttpClient = new HttpClient(auth) { Timeout = options.RequestTimeout };
        var tokens = new MarketingCloudTokenProvider(authHttpClient, options, clock, setup.Logging?.CreateLogger<MarketingCloudTokenProvider>());
        var api = new RecordingTransport(setup.ApiConnections?.CreateHandler() ?? new SocketsHttpHandler { AllowAutoRedirect = false });
        var apiHttpClient = ContactsHttpPipeline.CreateHttpClient(tokens, new ContactsRequestGate(options, clock), options, api);
        var client = new ContactsClient(apiHttpClient, tokens, options, clock, setup.Logging);
        return new InstrumentedTenant(emulator, clock, client, api, auth, apiHttpClient, authHttpClient, setup.ApiConnections);
    }

    private static string? ReadAccessToken(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("access_token", out var token)
                ? token.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _apiHttpClient.Dispose();
        _authHttpClient.Dispose();
        await Emulator.DisposeAsync();
        _gate?.Dispose();
    }
}
