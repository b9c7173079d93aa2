using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpYaml.Serialization;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// Rewrites a JSON body's property names to the spelling the spec's schemas declare, for the names
/// that match exactly one declared name ignoring case and none exactly: what a reader that matches
/// names exactly (Kiota's) needs to see what the SDK's case-insensitive reader sees.
/// </summary>
internal static class SpecSpelling
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_byLowerCase = new(Load);

    public static string Respell(string json)
    {
        var node = JsonNode.Parse(json);
        return Respell(node)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Respell(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(Spelling(pair.Key, obj), Respell(pair.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(item => Respell(item?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Spelling(string name, JsonObject owner) =>
        !Declared.Contains(name) && s_byLowerCase.Value.TryGetValue(name.ToLowerInvariant(), out var declared) && !owner.ContainsKey(declared)
            ? declared
            : name;

    private static HashSet<string> Declared => s_declared.Value;

    private static readonly Lazy<HashSet<string>> s_declared = new(() => DeclaredNames().ToHashSet(StringComparer.Ordinal));

    /// <summary>Lower-cased declared name → declared name, for the names no other declared name equals ignoring case.</summary>
    private static IReadOnlyDictionary<string, string> Load() =>
        DeclaredNames()
            .Distinct(StringComparer.Ordinal)
            .GroupBy(name => name.ToLowerInvariant())
            .Where(group => group.Count() == 1)
            .ToDictionary(group => group.Key, group => group.Single(), StringComparer.Ordinal);

    /// <summary>Every property name under <c>properties:</c> anywhere in the spec's component schemas.</summary>
    private static IEnumerable<string> DeclaredNames()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(SpecDocument.FilePath)));
        var schemas = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("components")]).Children[new YamlScalarNode("schemas")];
        return PropertyNames(schemas);
    }

    private static IEnumerable<string> PropertyNames(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "properties" } && value is YamlMappingNode properties)
                    {
                        foreach (var name in properties.Children.Keys.OfType<YamlScalarNode>())
                        {
                            yield return name.Value ?? string.Empty;
                        }
                    }
                    foreach (var name in PropertyNames(value))
                    {
                        yield return name;
                    }
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var name in sequence.Children.SelectMany(PropertyNames))
                {
                    yield return name;
                }
                break;
        }
    }
}
