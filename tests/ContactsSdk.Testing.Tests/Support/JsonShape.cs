using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContactsSdk.Testing.Tests.Support;

/// <summary>
/// The shape of a JSON document: every key path in document order with the kind of its value, such
/// as "operation.status: String" or "backgroundOperationsSummary[0].backgroundOperationID: Number".
/// Two documents with equal shapes have the same keys, in the same order, with the same value kinds.
/// </summary>
internal static partial class JsonShape
{
    public static IReadOnlyList<string> Of(JsonElement element)
    {
        var lines = new List<string>();
        Describe(element, string.Empty, lines);
        return lines;
    }

    /// <summary>
    /// The shape with array indices collapsed to <c>[]</c> and repeated lines dropped: two documents
    /// with equal schemas have the same keys, order and value kinds whatever their arrays' lengths.
    /// </summary>
    public static IReadOnlyList<string> SchemaOf(JsonElement element) =>
        Of(element).Select(line => ArrayIndex().Replace(line, "[]")).Distinct().ToArray();

    /// <summary>The property names of an object, in order.</summary>
    public static IReadOnlyList<string> KeysOf(JsonElement element) =>
        element.EnumerateObject().Select(property => property.Name).ToArray();

    private static void Describe(JsonElement element, string path, List<string> lines)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    lines.Add($"{childPath}: {KindOf(property.Value)}");
                    Describe(property.Value, childPath, lines);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
                    lines.Add($"{itemPath}: {KindOf(item)}");
                    Describe(item, itemPath, lines);
                }

                break;
        }
    }

    private static string KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        var kind => kind.ToString(),
    };

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex ArrayIndex();
}
