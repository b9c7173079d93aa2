using System;
using System.IO;
using System.Text.Json;
using SharpYaml;
using SharpYaml.Events;
using SharpYaml.Serialization;

namespace ContactsSdk.Emulator.Tests.Support;

/// <summary>
/// The route document's status examples (and any other route's examples), read from the spec where they are embedded verbatim as
/// JSON flow mappings. The raw JSON text of an example is cut out of the file with the YAML
/// parser's marks, so key order and number/string distinctions survive intact.
/// </summary>
internal static class SeedExamples
{
    public const string SuppressionPhaseCompleted = "suppressionPhaseCompleted";
    public const string SuppressionPhasePending = "suppressionPhasePending";
    public const string DeletePhaseProcessing = "deletePhaseProcessing";

    private static readonly Lazy<string> SpecText = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "contacts.yaml")));

    public static JsonDocument Load(string exampleName) => JsonDocument.Parse(RawJson(exampleName));

    public static string RawJson(string exampleName) =>
        RawResponseJson("/contacts/v1/contacts/actions/delete/status", "get", exampleName);

    /// <summary>A named example of the 200 response of any route in the spec.</summary>
    public static JsonDocument LoadResponse(string path, string method, string exampleName) =>
        JsonDocument.Parse(RawResponseJson(path, method, exampleName));

    /// <summary>A named example of the request body of any route in the spec.</summary>
    public static string RawRequestJson(string path, string method, string exampleName) =>
        Cut("paths", path, method, "requestBody", "content", "application/json", "examples", exampleName, "value");

    public static string RawResponseJson(string path, string method, string exampleName) =>
        Cut("paths", path, method, "responses", "200", "content", "application/json", "examples", exampleName, "value");

    private static string Cut(params string[] keys)
    {
        var text = SpecText.Value;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var value = Walk(stream.Documents[0].RootNode, keys);
        var start = value.Start.Index;
        var end = ClosingBraceOfMappingAt(text, start);
        return text[start..(end + 1)];
    }

    private static YamlNode Walk(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var mapping = node as YamlMappingNode
                ?? throw new InvalidDataException($"Expected a mapping above '{key}' in the spec.");
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                throw new InvalidDataException($"The spec has no '{key}' where the examples should be.");
            }

            node = child;
        }

        return node;
    }

    /// <summary>
    /// A loaded mapping node records only where it starts; the parser's MappingEnd event marks the
    /// closing brace. Replays the events to find the end that matches the mapping at <paramref name="start"/>.
    /// </summary>
    private static int ClosingBraceOfMappingAt(string text, int start)
    {
        var parser = Parser.CreateParser(new StringReader(text));
        var depth = -1;
        while (parser.MoveNext())
        {
            var current = parser.Current;
            if (depth < 0)
            {
                if (current is MappingStart && current.Start.Index == start)
                {
                    depth = 0;
                }

                continue;
            }

            if (current is MappingStart or SequenceStart)
            {
                depth++;
                continue;
            }

            if (current is not (MappingEnd or SequenceEnd))
            {
                continue;
            }

            if (depth-- == 0)
            {
                var end = current.Start.Index;
                return text[end] == '}'
                    ? end
                    : throw new InvalidDataException($"The example at offset {start} is not a JSON-style flow mapping.");
            }
        }

        throw new InvalidDataException($"No mapping ends after offset {start}.");
    }
}
