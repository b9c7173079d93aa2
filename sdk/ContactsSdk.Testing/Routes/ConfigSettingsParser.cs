using System;
using System.Globalization;
using System.Text.Json;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// Reads a configSettings body, <c>{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"-1"}]}</c>,
/// into the restorable period it sets, or into the service error answered with HTTP 200. All or
/// nothing: one bad item refuses the whole request. Property names and the setting key match
/// whatever their case; the value must be a string, as documented, holding a whole number.
/// </summary>
internal static class ConfigSettingsParser
{
    public static ParseResult<RestorablePeriod> Parse(JsonElement body)
    {
        if (!RequestJson.TryGetPropertyIgnoreCase(body, "items", out var items)
            || items.ValueKind != JsonValueKind.Array
            || items.GetArrayLength() == 0)
        {
            return ServiceErrors.SettingsRequired();
        }

        RestorablePeriod? period = null;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !TryGetString(item, "settingKey", out var key)
                || !TryGetString(item, "value", out var value))
            {
                return ServiceErrors.InvalidSetting(index);
            }

            if (!string.Equals(key, DeletionSettings.SuppressionRestoreUntilDaysKey, StringComparison.OrdinalIgnoreCase))
            {
                return ServiceErrors.UnknownSettingKey(index, key);
            }

            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var setting)
                || setting < DeletionSettings.ImmediateDeletionValue
                || setting > DeletionSettings.MaxRestorableDays)
            {
                return ServiceErrors.InvalidSettingValue(index, value);
            }

            // A key given twice: the last value wins, as a later call would.
            period = new RestorablePeriod(DeletionSettings.DaysFromSetting(setting));
            index++;
        }

        return period!;
    }

    private static bool TryGetString(JsonElement item, string name, out string value)
    {
        value = string.Empty;
        if (!RequestJson.TryGetPropertyIgnoreCase(item, name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString()!;
        return true;
    }
}

/// <summary>The restorable period a configSettings request sets, in days.</summary>
internal sealed record RestorablePeriod(int Days);
