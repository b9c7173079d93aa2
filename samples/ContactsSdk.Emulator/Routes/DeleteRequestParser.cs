using System;
using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Emulator.Json;
using ContactsSdk.Emulator.Lifecycle;

namespace ContactsSdk.Emulator.Routes;

/// <summary>
/// Turns a delete request's <c>type</c> and JSON object body into an <see cref="EmulatedDeleteRequest"/>,
/// or into the service error Marketing Cloud answers with HTTP 200. Property names are matched
/// whatever their case (<c>values</c>/<c>Values</c>, <c>DeleteOperationType</c>/<c>deleteOperationType</c>).
/// </summary>
internal static class DeleteRequestParser
{
    public static DeleteRequestParseResult Parse(string? type, JsonElement body)
    {
        if (!TryParseType(type, out var requestType))
        {
            return ServiceErrors.InvalidDeleteType(type);
        }

        if (!TryReadDeleteOperationType(body, out var deleteOperationType))
        {
            return ServiceErrors.InvalidDeleteOperationType();
        }

        return requestType switch
        {
            DeleteRequestType.Keys => ParseKeys(body, deleteOperationType),
            DeleteRequestType.Ids => ParseIds(body, deleteOperationType),
            _ => ParseListReference(body, deleteOperationType),
        };
    }

    private static bool TryParseType(string? type, out DeleteRequestType requestType)
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

    private static DeleteRequestParseResult ParseKeys(JsonElement body, string deleteOperationType)
    {
        if (!TryGetValues(body, out var values))
        {
            return ServiceErrors.ValuesRequired();
        }

        var keys = new List<string>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                return ServiceErrors.InvalidValue(keys.Count, "a non-empty contact key string");
            }

            keys.Add(value.GetString()!);
        }

        return new EmulatedDeleteRequest { Type = DeleteRequestType.Keys, Keys = keys, DeleteOperationType = deleteOperationType };
    }

    private static DeleteRequestParseResult ParseIds(JsonElement body, string deleteOperationType)
    {
        if (!TryGetValues(body, out var values))
        {
            return ServiceErrors.ValuesRequired();
        }

        var ids = new List<long>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            // Numbers only: an SDK that sends IDs as strings does not follow the documented format.
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var id))
            {
                return ServiceErrors.InvalidValue(ids.Count, "an integer contact ID");
            }

            ids.Add(id);
        }

        return new EmulatedDeleteRequest { Type = DeleteRequestType.Ids, Ids = ids, DeleteOperationType = deleteOperationType };
    }

    private static DeleteRequestParseResult ParseListReference(JsonElement body, string deleteOperationType)
    {
        if (!RequestJson.TryGetPropertyIgnoreCase(body, "targetList", out var targetList)
            || targetList.ValueKind != JsonValueKind.Object
            || !RequestJson.TryGetPropertyIgnoreCase(targetList, "listKey", out var listKey)
            || listKey.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(listKey.GetString()))
        {
            return ServiceErrors.ListKeyRequired();
        }

        int? listTypeId = null;
        if (RequestJson.TryGetPropertyIgnoreCase(targetList, "listType", out var listType)
            && listType.ValueKind == JsonValueKind.Object
            && RequestJson.TryGetPropertyIgnoreCase(listType, "listTypeID", out var listTypeIdValue))
        {
            if (listTypeIdValue.ValueKind != JsonValueKind.Number || !listTypeIdValue.TryGetInt32(out var parsed))
            {
                return ServiceErrors.InvalidListType();
            }

            listTypeId = parsed;
        }

        return new EmulatedDeleteRequest
        {
            Type = DeleteRequestType.ListReference,
            ListKey = listKey.GetString(),
            ListTypeId = listTypeId,
            DeleteOperationType = deleteOperationType,
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

/// <summary>Either a request to carry out or the service error to answer with.</summary>
internal readonly struct DeleteRequestParseResult
{
    private DeleteRequestParseResult(EmulatedDeleteRequest? request, ResultMessage? error)
    {
        Request = request;
        Error = error;
    }

    public EmulatedDeleteRequest? Request { get; }

    public ResultMessage? Error { get; }

    public static implicit operator DeleteRequestParseResult(EmulatedDeleteRequest request) => new(request, null);

    public static implicit operator DeleteRequestParseResult(ResultMessage error) => new(null, error);
}
