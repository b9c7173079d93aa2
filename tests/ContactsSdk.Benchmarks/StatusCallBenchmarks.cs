using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ContactsSdk.Benchmarks.Loopback;
using ContactsSdk.Benchmarks.Payloads;
using ContactsSdk.Models;

namespace ContactsSdk.Benchmarks;

/// <summary>
/// One status call over loopback, against the minimal server: the SDK against raw HttpClient with
/// System.Text.Json doing the same work (bearer header, GET, read the body into typed objects, check
/// for service errors). Both use one long-lived HttpClient with pooled connections.
/// </summary>
public class StatusCallBenchmarks
{
    private const long OperationId = 1;

    private LoopbackServer? _ownServer;
    private HttpClient _raw = null!;
    private ContactsClient _sdk = null!;
    private readonly ContactsSdk.Serialization.ContactsJsonParseNodeFactory _parseNodes = new();

    [GlobalSetup]
    public async Task Setup()
    {
        var address = Environment.GetEnvironmentVariable(LoopbackServer.AddressVariable);
        Uri baseAddress;
        if (string.IsNullOrEmpty(address))
        {
            // Run without Program's server (an in-process toolchain, a debugger): serve from this
            // process. Bytes allocated then include the server's.
            _ownServer = await LoopbackServer.StartAsync();
            baseAddress = _ownServer.BaseAddress;
            Console.WriteLine("// StatusCallBenchmarks: no server address given; serving in-process (allocations include the server's).");
        }
        else
        {
            baseAddress = new Uri(address);
        }

        _raw = new HttpClient { BaseAddress = baseAddress };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LoopbackServer.Token);
        _sdk = new ContactsClient(new ContactsClientOptions
        {
            EndpointOverride = baseAddress,
            ClientId = "benchmark-client",
            ClientSecret = "benchmark-secret",
        });

        // Warm both connections and check they read the same thing.
        var raw = await RawHttpClient();
        var sdk = await Sdk();
        if (HandWrittenStatus.Read(raw) != HandWrittenStatus.Read(sdk) || raw.Operation?.RequestId != sdk.Operation?.RequestID)
        {
            throw new InvalidOperationException("The SDK and the raw client read different responses.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _sdk.Dispose();
        _raw.Dispose();
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<StatusDto> RawHttpClient()
    {
        using var response = await GetStatusWithRawClientAsync().ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var status = await JsonSerializer.DeserializeAsync(stream, StatusJsonContext.Default.StatusDto).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Empty body.");
        if (status.HasErrors == true || (status.ResultMessages?.Exists(m => m.ResultClass == "Error") ?? false))
        {
            throw new InvalidOperationException("The service reported errors.");
        }
        return status;
    }

    /// <summary>
    /// Raw <c>HttpClient</c> with the SDK's deserialization into the Kiota model: the difference to
    /// <see cref="RawHttpClient"/> is the model's cost, the difference to <see cref="KiotaRoute"/> the
    /// cost of Kiota's request adapter and middleware.
    /// </summary>
    [Benchmark]
    public async Task<DeleteStatusResponse> RawHttpClientKiotaModel()
    {
        using var response = await GetStatusWithRawClientAsync().ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var node = await _parseNodes.GetRootParseNodeAsync("application/json", stream).ConfigureAwait(false);
        return node.GetObjectValue(DeleteStatusResponse.CreateFromDiscriminatorValue);
    }

    /// <summary>The SDK's entry point: <c>ContactsClient.GetDeletionStatusAsync</c>.</summary>
    [Benchmark]
    public Task<DeleteStatusResponse> Sdk() => _sdk.GetDeletionStatusAsync(OperationId);

    /// <summary>The status request of the raw-client benchmarks: the URI built per call, as the SDK does.</summary>
    private async Task<HttpResponseMessage> GetStatusWithRawClientAsync()
    {
        var uri = SpecText.StatusPath.Substring(1) + "?operationID=" + OperationId.ToString(CultureInfo.InvariantCulture);
        var response = await _raw.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        try
        {
            response.EnsureSuccessStatusCode();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The generated Kiota route alone, through the SDK's pipeline (no service-error check).</summary>
    [Benchmark]
    public async Task<DeleteStatusResponse?> KiotaRoute() =>
        await _sdk.Api.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = OperationId).ConfigureAwait(false);
}
