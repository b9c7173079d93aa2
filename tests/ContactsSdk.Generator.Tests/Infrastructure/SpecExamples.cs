using System;
using System.IO;
using System.Linq;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>
/// The response examples embedded in spec/contacts.yaml, read as their raw JSON text (the examples
/// are written in JSON flow style), so the tests and the spec cannot drift apart.
/// </summary>
internal static class SpecExamples
{
    public const string StatusPath = "/contacts/v1/contacts/actions/delete/status";

    public static string Read(string name)
    {
        var text = TestPaths.ReadSpec();
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var node = Walk(stream.Documents[0].RootNode, "paths", StatusPath, "get", "responses", "200", "content", "application/json", "examples", name, "value");
        return JsonAt(text, node.Start.Index);
    }

    // SharpYaml gives the start mark of a flow mapping; its end is found by matching braces, outside strings.
    private static string JsonAt(string text, int start)
    {
        if (text[start] != '{')
        {
            throw new InvalidOperationException("The example is not written as a JSON object.");
        }

        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{' || c == '[')
            {
                depth++;
            }
            else if ((c == '}' || c == ']') && --depth == 0)
            {
                return text.Substring(start, i - start + 1);
            }
        }

        throw new InvalidOperationException("The example's JSON is not closed.");
    }

    private static YamlNode Walk(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var mapping = (YamlMappingNode)node;
            node = mapping.Children.Single(c => ((YamlScalarNode)c.Key).Value == key).Value;
        }

        return node;
    }
}
