using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// Reads the contacts a delete or restrict request names, or the service error Marketing Cloud
/// answers with HTTP 200. Both routes take the same <c>type</c> values and the same bodies apart
/// from the delete route's <c>deleteOperationType</c>. Property names are matched whatever their case.
/// </summary>
internal static class ContactSelectionParser
{
    public static bool TryParseType(string? type, out DeleteRequestType requestType)
    {
        (var known, requestType) = type?.ToUpperInvariant() switch
        {
            "KEYS" => (true, DeleteRequestType.Keys),
            "IDS" => (true, DeleteRequestType.Ids),
            "LISTREFERENCE" => (true, DeleteRequestType.ListReference),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The selection in <paramref name="body"/> for a request of <paramref name="type"/>.</summary>
    public static ParseResult<ContactSelection> Parse(DeleteRequestType type, JsonElement body, ContactRequestKind kind) => type switch
    {
        DeleteRequestType.Keys => ParseKeys(body, kind),
        DeleteRequestType.Ids => ParseIds(body, kind),
        _ => ParseListReference(body, kind),
    };

    private static ParseResult<ContactSelection> ParseKeys(JsonElement body, ContactRequestKind kind)
    {
        if (!TryGetValues(body, out var values))
        {
            return ServiceErrors.ValuesRequired(kind);
        }

        var keys = new List<string>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                return ServiceErrors.InvalidValue(kind, keys.Count, "a non-empty contact key string");
            }

            keys.Add(value.GetString()!);
        }

        return new ContactSelection(DeleteRequestType.Keys) { Keys = keys };
    }

    private static ParseResult<ContactSelection> ParseIds(JsonElement body, ContactRequestKind kind)
    {
        if (!TryGetValues(body, out var values))
        {
            return ServiceErrors.ValuesRequired(kind);
        }

        var ids = new List<long>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            // Numbers only: an SDK that sends IDs as strings does not follow the documented format.
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var id))
            {
                return ServiceErrors.InvalidValue(kind, ids.Count, "an integer contact ID");
            }

            ids.Add(id);
        }

        return new ContactSelection(DeleteRequestType.Ids) { Ids = ids };
    }

    private static ParseResult<ContactSelection> ParseListReference(JsonElement body, ContactRequestKind kind)
    {
        if (!RequestJson.TryGetPropertyIgnoreCase(body, "targetList", out var targetList)
            || targetList.ValueKind != JsonValueKind.Object
            || !RequestJson.TryGetPropertyIgnoreCase(targetList, "listKey", out var listKey)
            || listKey.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(listKey.GetString()))
        {
            return ServiceErrors.ListKeyRequired(kind);
        }

        int? listTypeId = null;
        if (RequestJson.TryGetPropertyIgnoreCase(targetList, "listType", out var listType)
            && listType.ValueKind == JsonValueKind.Object
            && RequestJson.TryGetPropertyIgnoreCase(listType, "listTypeID", out var listTypeIdValue))
        {
            if (listTypeIdValue.ValueKind != JsonValueKind.Number || !listTypeIdValue.TryGetInt32(out var parsed))
            {
                return ServiceErrors.InvalidListType(kind);
            }

            listTypeId = parsed;
        }

        return new ContactSelection(DeleteRequestType.ListReference)
        {
            ListKey = listKey.GetString(),
            ListTypeId = listTypeId,
            DeleteListWhenCompleted = ReadFlag(body, "deleteListWhenCompleted"),
            DeleteListContentsWhenCompleted = ReadFlag(body, "deleteListContentsWhenCompleted"),
        };
    }

    private static bool TryGetValues(JsonElement body, out JsonElement values) =>
        RequestJson.TryGetPropertyIgnoreCase(body, "values", out values)
        && values.ValueKind == JsonValueKind.Array
        && values.GetArrayLength() > 0;

    private static bool ReadFlag(JsonElement body, string name) =>
        RequestJson.TryGetPropertyIgnoreCase(body, name, out var value) && value.ValueKind == JsonValueKind.True;
}
