using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using SharpYaml.Serialization;

namespace ContactsSdk.TestSupport;

/// <summary>
/// The examples embedded in spec/contacts.yaml, cut out of the spec text as their raw JSON (the
/// examples are written in JSON flow style), so tests, benchmarks and the spec cannot drift apart.
/// Shared by the test projects; each one knows where its copy of the spec text comes from.
/// </summary>
public static class SpecExamples
{
    /// <summary>The delete status route, whose examples are the route document's seed examples.</summary>
    public const string DeleteStatusPath = "/contacts/v1/contacts/actions/delete/status";

    /// <summary>The seed examples of the delete status route, in the spec's order.</summary>
    public static readonly string[] SeedExampleNames = { "suppressionPhaseCompleted", "suppressionPhasePending", "deletePhaseProcessing" };

    /// <summary>A named example of a response of a route, as written in the spec.</summary>
    public static string ResponseJson(string specText, string path, string method, string exampleName, string status = "200") =>
        Cut(specText, "paths", path, method, "responses", status, "content", "application/json", "examples", exampleName, "value");

    /// <summary>A named example of the request body of a route, as written in the spec.</summary>
    public static string RequestJson(string specText, string path, string method, string exampleName) =>
        Cut(specText, "paths", path, method, "requestBody", "content", "application/json", "examples", exampleName, "value");

    /// <summary>The names of a response's examples, in document order.</summary>
    public static string[] ResponseExampleNames(string specText, string path, string method, string status = "200")
    {
        var examples = (YamlMappingNode)Walk(Load(specText), "paths", path, method, "responses", status, "content", "application/json", "examples");
        return examples.Children.Keys.Cast<YamlScalarNode>().Select(key => key.Value ?? string.Empty).ToArray();
    }

    private static string Cut(string specText, params string[] keys) =>
        JsonTextAt(specText, Walk(Load(specText), keys).Start.Index);

    // Callers pass the same spec text instance every time: it is parsed once per instance, not per example.
    private static readonly ConditionalWeakTable<string, YamlNode> s_parsed = new();

    private static YamlNode Load(string specText) => s_parsed.GetValue(specText, static text =>
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    });

    private static YamlNode Walk(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var mapping = node as YamlMappingNode
                ?? throw new InvalidDataException($"Expected a mapping above '{key}' at line {node.Start.Line + 1} of the spec.");
            node = mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode scalar && scalar.Value == key).Value
                ?? throw new InvalidDataException($"The spec has no '{key}' under line {node.Start.Line + 1}.");
        }

        return node;
    }

    /// <summary>
    /// The JSON object that starts at <paramref name="start"/>. The YAML representation model
    /// records where a flow mapping starts but not where it ends, so the end is found by matching
    /// brackets outside of string literals.
    /// </summary>
    private static string JsonTextAt(string text, int start)
    {
        if (text[start] != '{')
        {
            throw new InvalidDataException($"The example at offset {start} of the spec is not written as a JSON object.");
        }

        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': depth++; break;
                case '}' or ']':
                    if (--depth == 0) return text.Substring(start, i - start + 1);
                    break;
            }
        }

        throw new InvalidDataException($"The example starting at offset {start} of the spec is not closed.");
    }
}
