using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Emulator.Routes;

/// <summary>Reading JSON request bodies.</summary>
internal static class RequestJson
{
    /// <summary>The parsed body, or null when it is not JSON at all (empty, truncated, malformed).</summary>
    public static async Task<JsonDocument?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Finds a property whatever the case of its name: the route documents spell the same field
    /// <c>values</c> and <c>Values</c>, and the service binds both.
    /// </summary>
    public static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
