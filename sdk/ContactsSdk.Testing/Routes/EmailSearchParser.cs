using System.Collections.Generic;
using System.Text.Json;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// Reads an email address search body, <c>{"channelAddressList":["a@example.com"],"maximumCount":1}</c>.
/// Property names match whatever their case; a missing or empty list, an address that is not a
/// string, or a maximumCount below 1 is a gateway 400 (the problem never quotes an address).
/// </summary>
internal static class EmailSearchParser
{
    public const int DefaultMaximumCount = 1;

    public static bool TryParse(JsonElement body, out IReadOnlyList<string> addresses, out int maximumCount, out string problem)
    {
        addresses = [];
        maximumCount = DefaultMaximumCount;
        problem = "channelAddressList must be a non-empty array of email addresses.";
        if (!RequestJson.TryGetPropertyIgnoreCase(body, "channelAddressList", out var list)
            || list.ValueKind != JsonValueKind.Array
            || list.GetArrayLength() == 0)
        {
            return false;
        }

        var read = new List<string>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                return false;
            }

            read.Add(item.GetString()!);
        }

        if (RequestJson.TryGetPropertyIgnoreCase(body, "maximumCount", out var count) && count.ValueKind != JsonValueKind.Null)
        {
            problem = "maximumCount must be a whole number of at least 1.";
            if (count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out maximumCount) || maximumCount < 1)
            {
                return false;
            }
        }

        addresses = read;
        problem = string.Empty;
        return true;
    }
}
