using System;
using System.Text.Json;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>Bodies of the configSettings route: the number of settings stored (<c>rowsEffected</c>, sic) and the service fields (both with HTTP 200).</summary>
internal static class ConfigSettingsResponses
{
    public static void WriteStored(Utf8JsonWriter writer, int settingsStored, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteNumber("rowsEffected", settingsStored);
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: false, []);
        writer.WriteEndObject();
    }

    public static void WriteRejected(Utf8JsonWriter writer, ResultMessage error, WireClock clock)
    {
        writer.WriteStartObject();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: true, [error]);
        writer.WriteEndObject();
    }
}
