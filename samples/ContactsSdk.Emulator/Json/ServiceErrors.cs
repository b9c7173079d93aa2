using System.Globalization;

namespace ContactsSdk.Emulator.Json;

/// <summary>
/// The service errors the Contacts routes return with HTTP 200. The documentation gives no codes
/// for these cases, so the codes are the emulator's own: clients should key on
/// <c>resultClass</c> "Error", not on a particular code.
/// </summary>
internal static class ServiceErrors
{
    private const string DeleteRequestType = "DeleteRequest";
    private const string OperationType = "Operation";

    public static ResultMessage InvalidDeleteType(string? type) => ResultMessage.Error(
        DeleteRequestType,
        "InvalidDeleteType",
        type is null
            ? "The type query parameter is required: keys, ids or listReference."
            : $"Unknown delete type '{type}': expected keys, ids or listReference.");

    public static ResultMessage ValuesRequired() => ResultMessage.Error(
        DeleteRequestType, "ValuesRequired", "The request has no values: name at least one contact to delete.");

    public static ResultMessage InvalidValue(int index, string expected) => ResultMessage.Error(
        DeleteRequestType,
        "InvalidValue",
        string.Create(CultureInfo.InvariantCulture, $"values[{index}] is not {expected}."));

    public static ResultMessage InvalidDeleteOperationType() => ResultMessage.Error(
        DeleteRequestType, "InvalidDeleteOperationType", "deleteOperationType must be a non-empty string.");

    public static ResultMessage ListKeyRequired() => ResultMessage.Error(
        DeleteRequestType, "ListKeyRequired", "targetList.listKey is required for a listReference delete.");

    public static ResultMessage InvalidListType() => ResultMessage.Error(
        DeleteRequestType, "InvalidListType", "targetList.listType.listTypeID must be an integer.");

    public static ResultMessage OperationNotFound(long operationId) => ResultMessage.Error(
        OperationType,
        "OperationNotFound",
        string.Create(CultureInfo.InvariantCulture, $"No operation with ID {operationId} exists."));
}
