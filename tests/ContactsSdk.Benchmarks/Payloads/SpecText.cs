using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Benchmarks.Payloads;

/// <summary>
/// The spec, embedded in the benchmark assembly so every benchmark process reads the same text
/// wherever BenchmarkDotNet builds and starts it, and the status route's seed examples taken from it.
/// </summary>
internal static class SpecText
{
    /// <summary>The status route whose examples are the payloads.</summary>
    public const string StatusPath = SpecExamples.DeleteStatusPath;

    /// <summary>The seed examples of the status route, in the spec's order.</summary>
    public static readonly string[] SeedExampleNames = SpecExamples.SeedExampleNames;

    private static readonly Lazy<string> s_text = new(Load);

    /// <summary>The spec's text, exactly as committed.</summary>
    public static string Text => s_text.Value;

    /// <summary>
    /// A named example of the status route's 200 response as compact UTF-8 JSON: what a server
    /// sends on the wire.
    /// </summary>
    public static byte[] StatusExample(string name)
    {
        using var document = JsonDocument.Parse(SpecExamples.ResponseJson(Text, StatusPath, "get", name));
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private static string Load()
    {
        using var resource = typeof(SpecText).Assembly.GetManifestResourceStream("contacts.yaml")
            ?? throw new InvalidOperationException("The spec is not embedded in the benchmark assembly.");
        using var reader = new StreamReader(resource, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Every seed example, by name.</summary>
    public static IReadOnlyDictionary<string, byte[]> SeedExamples() => SeedExampleNames.ToDictionary(name => name, StatusExample);
}
