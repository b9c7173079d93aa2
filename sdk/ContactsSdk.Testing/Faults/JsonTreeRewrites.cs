using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// Rewrites that keep a body valid JSON but change its content. JsonNode keeps the property order,
/// so everything not rewritten stays where it was. A body that is not a JSON object is left alone.
/// </summary>
internal static class JsonTreeRewrites
{
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds an undocumented object as the first property, and an undocumented field to every nested object.</summary>
    public static byte[] AddExtraFields(byte[] body) => Rewrite(body, root =>
    {
        foreach (var nested in NestedObjects(root).ToArray())
        {
            nested[Fault.ExtraFieldName] = "added by the emulator";
        }

        root.Insert(0, Fault.ExtraFieldName, new JsonObject
        {
            ["note"] = "A field no documentation mentions; clients must ignore it.",
            ["values"] = new JsonArray(1, "two", null),
        });
    });

    /// <summary>Removes fields by dotted path ("operation.status"); a path through an array applies to every element.</summary>
    public static byte[] RemoveFields(byte[] body, IReadOnlyList<string> paths) => Rewrite(body, root =>
    {
        foreach (var path in paths)
        {
            var segments = path.Split('.');
            foreach (var parent in Resolve(root, segments[..^1]))
            {
                parent.Remove(segments[^1]);
            }
        }
    });

    /// <summary>Sets a string field by dotted path, wherever the path exists.</summary>
    public static byte[] SetString(byte[] body, string path, string value) => Rewrite(body, root =>
    {
        var segments = path.Split('.');
        foreach (var parent in Resolve(root, segments[..^1]))
        {
            if (parent.ContainsKey(segments[^1]))
            {
                parent[segments[^1]] = value;
            }
        }
    });

    private static byte[] Rewrite(byte[] body, Action<JsonObject> change)
    {
        JsonObject root;
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed)
            {
                return body;
            }

            root = parsed;
        }
        catch (JsonException)
        {
            return body;
        }

        change(root);
        return JsonSerializer.SerializeToUtf8Bytes(root, WriteOptions);
    }

    /// <summary>The objects a dotted path leads to, descending into every element of the arrays on the way.</summary>
    private static IEnumerable<JsonObject> Resolve(JsonObject root, string[] segments)
    {
        IEnumerable<JsonObject> current = [root];
        foreach (var segment in segments)
        {
            current = current.SelectMany(parent => ObjectsIn(parent[segment])).ToArray();
        }

        return current;
    }

    private static IEnumerable<JsonObject> NestedObjects(JsonObject root) =>
        root.Select(property => property.Value).SelectMany(ObjectsIn);

    private static IEnumerable<JsonObject> ObjectsIn(JsonNode? node) => node switch
    {
        JsonObject single => [single],
        JsonArray array => array.OfType<JsonObject>(),
        _ => [],
    };
}
