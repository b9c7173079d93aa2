using System.Text.Json;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// Turns a delete request's <c>type</c> and JSON object body into an <see cref="EmulatedDeleteRequest"/>,
/// or into the service error Marketing Cloud answers with HTTP 200. Property names are matched
/// whatever their case (<c>values</c>/<c>Values</c>, <c>DeleteOperationType</c>/<c>deleteOperationType</c>).
/// </summary>
internal static class DeleteRequestParser
{
    public static ParseResult<EmulatedDeleteRequest> Parse(string? type, JsonElement body)
    {
        if (!ContactSelectionParser.TryParseType(type, out var requestType))
        {
            return ServiceErrors.InvalidRequestType(ContactRequestKind.Delete, type);
        }

        if (!TryReadDeleteOperationType(body, out var deleteOperationType))
        {
            return ServiceErrors.InvalidDeleteOperationType();
        }

        var parsed = ContactSelectionParser.Parse(requestType, body, ContactRequestKind.Delete);
        if (parsed.Value is not { } selection)
        {
            return parsed.ErrorAs<EmulatedDeleteRequest>();
        }

        return new EmulatedDeleteRequest
        {
            Type = selection.Type,
            Keys = selection.Keys,
            Ids = selection.Ids,
            ListKey = selection.ListKey,
            ListTypeId = selection.ListTypeId,
            DeleteOperationType = deleteOperationType,
            DeleteListWhenCompleted = selection.DeleteListWhenCompleted,
            DeleteListContentsWhenCompleted = selection.DeleteListContentsWhenCompleted,
        };
    }

    private static bool TryReadDeleteOperationType(JsonElement body, out string deleteOperationType)
    {
        deleteOperationType = DeleteRequestDefaults.DeleteOperationType;
        if (!RequestJson.TryGetPropertyIgnoreCase(body, "deleteOperationType", out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            return false;
        }

        deleteOperationType = value.GetString()!;
        return true;
    }
}
