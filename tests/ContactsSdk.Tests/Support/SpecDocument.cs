using System;
using System.IO;
using System.Linq;
using SharpYaml.Serialization;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// Reads fixtures straight out of spec/contacts.yaml, so the spec's examples and the tests that
/// use them cannot drift apart.
/// </summary>
internal static class SpecDocument
{
    private static readonly Lazy<(string Text, YamlMappingNode Root)> Spec = new(Load);

    /// <summary>The spec file copied next to the test assembly.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "spec", "contacts.yaml");

    /// <summary>
    /// The raw text of a named response example, exactly as written in the spec. The examples are
    /// written in JSON flow style, so their source text is the JSON body the server sends.
    /// </summary>
    public static string ResponseExample(string path, string method, string status, string exampleName)
    {
        var (text, root) = Spec.Value;
        var value = Child(root, "paths", path, method, "responses", status, "content", "application/json", "examples", exampleName, "value");
        return JsonTextAt(text, value.Start.Index);
    }

    /// <summary>
    /// The JSON object or array that starts at <paramref name="start"/>. The YAML representation
    /// model does not record where a flow collection ends, so the end is found by matching brackets
    /// outside of string literals.
    /// </summary>
    private static string JsonTextAt(string text, int start)
    {
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
        throw new InvalidOperationException($"The example starting at offset {start} of the spec is not closed.");
    }

    /// <summary>The names of a response's examples, in document order.</summary>
    public static string[] ResponseExampleNames(string path, string method, string status)
    {
        var (_, root) = Spec.Value;
        var examples = (YamlMappingNode)Child(root, "paths", path, method, "responses", status, "content", "application/json", "examples");
        return examples.Children.Keys.Cast<YamlScalarNode>().Select(key => key.Value).ToArray();
    }

    private static YamlNode Child(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var mapping = node as YamlMappingNode
                ?? throw new InvalidOperationException($"Expected a mapping before '{key}' at line {node.Start.Line + 1} of the spec.");
            node = mapping.Children.FirstOrDefault(pair => ((YamlScalarNode)pair.Key).Value == key).Value
                ?? throw new InvalidOperationException($"The spec has no '{key}' under line {node.Start.Line + 1}.");
        }
        return node;
    }

    private static (string, YamlMappingNode) Load()
    {
        var text = File.ReadAllText(FilePath);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (text, (YamlMappingNode)stream.Documents[0].RootNode);
    }
}
