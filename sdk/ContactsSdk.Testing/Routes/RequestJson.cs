using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Routes;

/// <summary>Reading JSON request bodies and the query values the Contacts routes share.</summary>
internal static class RequestJson
{
    /// <summary>
    /// The body of a Contacts POST when it is a JSON object. Anything else is refused the way the
    /// gateway refuses it, before the service sees it: a 400 is written and null returned.
    /// </summary>
    public static async Task<JsonDocument?> ReadObjectOrRefuseAsync(HttpContext context)
    {
        var document = await ReadAsync(context);
        if (document is null)
        {
            await GatewayErrors.BadRequestAsync(context, "The request body is not valid JSON.");
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            await GatewayErrors.BadRequestAsync(context, "The request body must be a JSON object.");
            return null;
        }

        return document;
    }

    /// <summary>The single <paramref name="name"/> query value, or null when it is absent.</summary>
    public static string? QueryValue(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>
    /// The <c>operationID</c> query parameter of a status route. When it is missing or not an
    /// integer, a gateway 400 is written and false returned.
    /// </summary>
    public static bool TryReadOperationId(HttpContext context, out long operationId, out Task refusal)
    {
        var values = context.Request.Query["operationID"];
        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out operationId))
        {
            refusal = Task.CompletedTask;
            return true;
        }

        operationId = 0;
        refusal = GatewayErrors.BadRequestAsync(context, "The operationID query parameter is required and must be an integer.");
        return false;
    }

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
