using System;
using System.Collections.Generic;
using System.Globalization;
using ContactsSdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContactsSdk.Sample;

/// <summary>
/// The delete queue settings of the emulator the sample starts when no credentials are configured,
/// from the environment (or user secrets) like the Marketing Cloud settings: <c>Emulator__DeleteQueue</c>
/// (true or false), <c>Emulator__DeleteCallFixedTime</c> and <c>Emulator__DeleteCallTimePerContact</c>
/// (durations such as 00:30:00 and 00:00:00.020). Each one not set keeps the emulator's own default.
/// </summary>
/// <param name="DeleteQueueEnabled">Whether delete calls are processed one at a time, or null for the default.</param>
/// <param name="DeleteCallFixedTime">The fixed part of a call's processing time, or null for the default.</param>
/// <param name="DeleteCallTimePerContact">The part per contact, or null for the default.</param>
internal sealed record SampleEmulatorSettings(bool? DeleteQueueEnabled, TimeSpan? DeleteCallFixedTime, TimeSpan? DeleteCallTimePerContact)
{
    public const string SectionName = "Emulator";

    /// <summary>Reads the settings.</summary>
    /// <exception cref="OptionsValidationException">A value that is not usable, each named with what it must be.</exception>
    public static SampleEmulatorSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var failures = new List<string>();
        var settings = new SampleEmulatorSettings(
            ReadBool(section, "DeleteQueue", failures),
            ReadDuration(section, "DeleteCallFixedTime", EmulatorOptions.MaxDeleteCallFixedTime, failures),
            ReadDuration(section, "DeleteCallTimePerContact", EmulatorOptions.MaxDeleteCallTimePerContact, failures));
        return failures.Count == 0 ? settings : throw new OptionsValidationException(SectionName, typeof(SampleEmulatorSettings), failures);
    }

    private static bool? ReadBool(IConfigurationSection section, string key, List<string> failures)
    {
        var text = section[key];
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        failures.Add($"{SectionName}__{key} must be true or false; '{text}' is not.");
        return null;
    }

    private static TimeSpan? ReadDuration(IConfigurationSection section, string key, TimeSpan max, List<string> failures)
    {
        var text = section[key];
        if (text is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero && value <= max)
        {
            return value;
        }

        failures.Add($"{SectionName}__{key} must be a duration from 0 to {max.ToString("c", CultureInfo.InvariantCulture)}; '{text}' is not.");
        return null;
    }
}
