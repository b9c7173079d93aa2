using System.Globalization;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// The service errors the Contacts routes return with HTTP 200. The documentation gives no codes
/// for these cases, so the codes are the emulator's own: clients should key on
/// <c>resultClass</c> "Error", not on a particular code.
/// </summary>
internal static class ServiceErrors
{
    private const string DeleteRequestType = "DeleteRequest";
    private const string OperationType = "Operation";
    private const string ConfigSettingsType = "ConfigSettings";

    public static ResultMessage InvalidRequestType(ContactRequestKind kind, string? type) => ResultMessage.Error(
        kind.ResultType,
        kind.InvalidTypeCode,
        type is null
            ? "The type query parameter is required: keys, ids or listReference."
            : $"Unknown {kind.Noun} type '{type}': expected keys, ids or listReference.");

    public static ResultMessage ValuesRequired(ContactRequestKind kind) => ResultMessage.Error(
        kind.ResultType, "ValuesRequired", $"The request has no values: name at least one contact to {kind.Verb}.");

    public static ResultMessage InvalidValue(ContactRequestKind kind, int index, string expected) => ResultMessage.Error(
        kind.ResultType,
        "InvalidValue",
        string.Create(CultureInfo.InvariantCulture, $"values[{index}] is not {expected}."));

    public static ResultMessage InvalidDeleteOperationType() => ResultMessage.Error(
        DeleteRequestType, "InvalidDeleteOperationType", "deleteOperationType must be a non-empty string.");

    public static ResultMessage ListKeyRequired(ContactRequestKind kind) => ResultMessage.Error(
        kind.ResultType, "ListKeyRequired", $"targetList.listKey is required for a listReference {kind.Noun}.");

    public static ResultMessage InvalidListType(ContactRequestKind kind) => ResultMessage.Error(
        kind.ResultType, "InvalidListType", "targetList.listType.listTypeID must be an integer.");

    /// <summary>A request carrying a contact the tenant refuses (<see cref="EmulatorOptions.RefusedContactKeys"/>); the key itself is not echoed.</summary>
    public static ResultMessage RefusedContact(ContactRequestKind kind, int index) => ResultMessage.Error(
        kind.ResultType,
        "ContactNotProcessable",
        string.Create(CultureInfo.InvariantCulture, $"values[{index}] cannot be processed by this {kind.Noun} request."));

    public static ResultMessage OperationNotFound(long operationId) => ResultMessage.Error(
        OperationType,
        "OperationNotFound",
        string.Create(CultureInfo.InvariantCulture, $"No operation with ID {operationId} exists."));

    /// <summary>A retry of an operation that has not failed: nothing was restarted.</summary>
    public static ResultMessage OperationNotRetryable(long operationId, string why) => ResultMessage.Error(
        OperationType,
        "OperationNotRetryable",
        string.Create(CultureInfo.InvariantCulture, $"Operation {operationId} was not restarted: {why}"));

    public static ResultMessage SettingsRequired() => ResultMessage.Error(
        ConfigSettingsType, "SettingsRequired", "items must be a non-empty array of {settingKey, value} objects.");

    public static ResultMessage InvalidSetting(int index) => ResultMessage.Error(
        ConfigSettingsType,
        "InvalidSetting",
        string.Create(CultureInfo.InvariantCulture, $"items[{index}] must be an object with string settingKey and value."));

    public static ResultMessage UnknownSettingKey(int index, string key) => ResultMessage.Error(
        ConfigSettingsType,
        "UnknownSettingKey",
        string.Create(
            CultureInfo.InvariantCulture,
            $"items[{index}].settingKey '{key}' is not a known setting: expected {DeletionSettings.SuppressionRestoreUntilDaysKey}."));

    public static ResultMessage InvalidSettingValue(int index, string value) => ResultMessage.Error(
        ConfigSettingsType,
        "InvalidSettingValue",
        string.Create(
            CultureInfo.InvariantCulture,
            $"items[{index}].value '{value}' is not a number of days: expected {DeletionSettings.ImmediateDeletionValue} (0 days) or a whole number from 0 to {DeletionSettings.MaxRestorableDays}."));
}
