using System;
using System.Globalization;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// The list an operation record names, for deletions and restrictions alike. A list-reference request
/// names its list; a keys or IDs request is recorded as a list built from its values and named after
/// the request.
/// </summary>
/// <param name="ListTypeId">The record's <c>listTypeID</c>.</param>
/// <param name="ListKey">The record's <c>listKey</c> (also its <c>listIdentifier</c> and <c>listName</c>).</param>
/// <param name="ExpectedListCount">The record's <c>expectedListCount</c>.</param>
internal readonly record struct RecordedList(int ListTypeId, string ListKey, int ExpectedListCount)
{
    // The list a keys/ids request builds from its values; the route document's GetStatusRoute example shows type 1.
    private const int ValuesListTypeId = 1;

    public static RecordedList For(DeleteRequestType type, int? listTypeId, string? listKey, int keyCount, int idCount, Guid requestId) =>
        type switch
        {
            // The emulator holds no lists, so it cannot count the contacts of one.
            DeleteRequestType.ListReference => new RecordedList(listTypeId ?? DeleteRequestDefaults.ListTypeId, listKey ?? string.Empty, 0),
            _ => new RecordedList(ValuesListTypeId, requestId.ToString("D", CultureInfo.InvariantCulture), type == DeleteRequestType.Keys ? keyCount : idCount),
        };
}
