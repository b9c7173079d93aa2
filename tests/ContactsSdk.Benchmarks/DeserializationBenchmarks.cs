using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ContactsSdk.Benchmarks.Payloads;
using ContactsSdk.Models;
using ContactsSdk.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace ContactsSdk.Benchmarks;

/// <summary>
/// Each seed example of the status route read from a stream into the Kiota model, against
/// System.Text.Json with source-generated DTOs of the same shape (the baseline) and a Utf8JsonReader
/// scan that only reads the two status fields (the practical limit). The Kiota model is read twice:
/// with Kiota's own JSON parse node, and with the one the SDK's request adapter uses.
/// </summary>
public class DeserializationBenchmarks
{
    private const string Json = "application/json";

    private byte[] _payload = Array.Empty<byte>();
    private readonly JsonParseNodeFactory _kiota = new();
    private readonly ContactsJsonParseNodeFactory _sdk = new();

    /// <summary>The seed example (named as in the spec).</summary>
    [ParamsSource(nameof(Examples))]
    public string Example { get; set; } = string.Empty;

    public static string[] Examples => SpecText.SeedExampleNames;

    [GlobalSetup]
    public void Setup()
    {
        _payload = SpecText.StatusExample(Example);
        // Every path must read the same state from the same bytes, or the comparison means nothing.
        var expected = HandWrittenStatus.Scan(_payload);
        var kiota = KiotaJsonParseNode().GetAwaiter().GetResult();
        var sdk = KiotaSdkParseNode().GetAwaiter().GetResult();
        var dto = SystemTextJson().GetAwaiter().GetResult();
        if (HandWrittenStatus.Read(kiota) != expected || HandWrittenStatus.Read(sdk) != expected || HandWrittenStatus.Read(dto!) != expected
            || kiota.Operation?.Status != dto!.Operation?.Status || sdk.Operation?.RequestID != dto.Operation?.RequestId
            || kiota.ResponseDateTime != dto.ResponseDateTime || sdk.ResponseDateTime != dto.ResponseDateTime)
        {
            throw new InvalidOperationException($"The deserializers disagree on {Example}.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<StatusDto?> SystemTextJson()
    {
        using var stream = new MemoryStream(_payload, writable: false);
        return await JsonSerializer.DeserializeAsync(stream, StatusJsonContext.Default.StatusDto).ConfigureAwait(false);
    }

    /// <summary>Kiota's <c>JsonParseNodeFactory</c>, as a stock Kiota client reads responses.</summary>
    [Benchmark]
    public async Task<DeleteStatusResponse> KiotaJsonParseNode()
    {
        using var stream = new MemoryStream(_payload, writable: false);
        var node = await _kiota.GetRootParseNodeAsync(Json, stream).ConfigureAwait(false);
        return node.GetObjectValue(DeleteStatusResponse.CreateFromDiscriminatorValue);
    }

    /// <summary>The SDK's parse node (same models, same results), as <c>ContactsClient</c> reads responses.</summary>
    [Benchmark]
    public async Task<DeleteStatusResponse> KiotaSdkParseNode()
    {
        using var stream = new MemoryStream(_payload, writable: false);
        var node = await _sdk.GetRootParseNodeAsync(Json, stream).ConfigureAwait(false);
        return node.GetObjectValue(DeleteStatusResponse.CreateFromDiscriminatorValue);
    }

    [Benchmark]
    public HandWrittenStatus.Lifecycle Utf8JsonReaderScan() => HandWrittenStatus.Scan(_payload);
}
