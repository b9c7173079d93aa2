using System.Text.Json;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// Turns a restrict request's <c>type</c> and JSON object body into an <see cref="EmulatedRestrictRequest"/>,
/// or into the service error answered with HTTP 200. The bodies are the delete route's without
/// <c>deleteOperationType</c>; other properties are ignored, as the service ignores them.
/// </summary>
internal static class RestrictRequestParser
{
    public static ParseResult<EmulatedRestrictRequest> Parse(string? type, JsonElement body)
    {
        if (!ContactSelectionParser.TryParseType(type, out var requestType))
        {
            return ServiceErrors.InvalidRequestType(ContactRequestKind.Restrict, type);
        }

        var parsed = ContactSelectionParser.Parse(requestType, body, ContactRequestKind.Restrict);
        if (parsed.Value is not { } selection)
        {
            return parsed.ErrorAs<EmulatedRestrictRequest>();
        }

        return new EmulatedRestrictRequest
        {
            Type = selection.Type,
            Keys = selection.Keys,
            Ids = selection.Ids,
            ListKey = selection.ListKey,
            ListTypeId = selection.ListTypeId,
            DeleteListWhenCompleted = selection.DeleteListWhenCompleted,
            DeleteListContentsWhenCompleted = selection.DeleteListContentsWhenCompleted,
        };
    }
}
