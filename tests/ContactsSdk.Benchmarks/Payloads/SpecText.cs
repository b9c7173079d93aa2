using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SharpYaml;
using SharpYaml.Serialization;

namespace ContactsSdk.Benchmarks.Payloads;

/// <summary>
/// The spec, embedded in the benchmark assembly so every benchmark process reads the same text
/// wherever BenchmarkDotNet builds and starts it, and the status route's seed examples taken from it.
/// </summary>
internal static class SpecText
{
    /// <summary>The status route whose examples are the payloads.</summary>
    public const string StatusPath = "/contacts/v1/contacts/actions/delete/status";

    /// <summary>The seed examples of the status route, in the spec's order.</summary>
    public static readonly string[] SeedExampleNames = { "suppressionPhaseCompleted", "suppressionPhasePending", "deletePhaseProcessing" };

    private static readonly Lazy<string> s_text = new(Load);

    /// <summary>The spec's text, exactly as committed.</summary>
    public static string Text => s_text.Value;

    /// <summary>
    /// A named example of the status route's 200 response as compact UTF-8 JSON: what a server
    /// sends on the wire.
    /// </summary>
    public static byte[] StatusExample(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Text));
        var value = Child(stream.Documents[0].RootNode, "paths", StatusPath, "get", "responses", "200", "content", "application/json", "examples", name, "value");
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, value);
        }
        return buffer.ToArray();
    }

    private static YamlNode Child(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var mapping = node as YamlMappingNode ?? throw new InvalidOperationException($"The spec has no mapping above '{key}'.");
            node = mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode scalar && scalar.Value == key).Value
                ?? throw new InvalidOperationException($"The spec has no '{key}' where the benchmark expects it.");
        }
        return node;
    }

    /// <summary>YAML (the examples are JSON written in flow style) to JSON: quoted scalars are strings, plain ones are literals.</summary>
    private static void WriteJson(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var pair in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)pair.Key).Value ?? string.Empty);
                    WriteJson(writer, pair.Value);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    WriteJson(writer, item);
                }
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted:
                writer.WriteStringValue(scalar.Value);
                break;
            case YamlScalarNode scalar:
                // true, false, null and numbers are valid JSON literals as written.
                writer.WriteRawValue(scalar.Value ?? "null");
                break;
            default:
                throw new InvalidOperationException($"Unexpected YAML node {node.GetType().Name} in an example.");
        }
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
