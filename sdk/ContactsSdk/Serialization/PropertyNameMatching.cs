using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ContactsSdk.Serialization;

/// <summary>
/// The SDK's one rule for matching a JSON property name to a model's field: the exact name first;
/// otherwise the one field whose name differs only in letter case.
/// </summary>
/// <remarks>
/// Marketing Cloud writes the same field in different cases from one route to another and even within
/// one body (the delete requests summary is documented with <c>totaltimeseries</c>, <c>itemcount</c>
/// and, in one entry, <c>Status</c>), while the spec names each field once. A case-insensitive match is
/// only taken when it is unambiguous: never when the model has two fields differing only in case, and
/// never when the body also carries the exactly spelled property (which then wins, as it always would).
/// </remarks>
internal static class PropertyNameMatching
{
    /// <summary>The deserializer of <paramref name="property"/> in <paramref name="deserializers"/>, by this rule.</summary>
    public static bool TryFind(
        IDictionary<string, Action<IParseNode>> deserializers,
        JsonElement owner,
        string property,
        out Action<IParseNode> deserializer)
    {
        if (deserializers.TryGetValue(property, out deserializer!))
        {
            return true;
        }

        string? match = null;
        foreach (var name in deserializers.Keys)
        {
            if (string.Equals(name, property, StringComparison.OrdinalIgnoreCase))
            {
                if (match is not null)
                {
                    return false;
                }
                match = name;
            }
        }

        if (match is null || owner.TryGetProperty(match, out _))
        {
            return false;
        }

        deserializer = deserializers[match];
        return true;
    }
}
