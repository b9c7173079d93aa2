using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>The trailing fields every Contacts service response ends with, in the documented order.</summary>
internal static class ServiceResponseFields
{
    /// <summary>
    /// Writes <c>requestServiceMessageID</c>, <c>responseDateTime</c>, optionally <c>hasErrors</c>,
    /// <c>resultMessages</c> and <c>serviceMessageID</c>. The status route's success response has no
    /// <c>hasErrors</c>, which is why it is optional.
    /// </summary>
    public static void Write(
        Utf8JsonWriter writer,
        Guid requestServiceMessageId,
        WireClock clock,
        bool? hasErrors,
        IReadOnlyList<ResultMessage> resultMessages)
    {
        writer.WriteString("requestServiceMessageID", Format(requestServiceMessageId));
        writer.WriteString("responseDateTime", clock.ResponseDateTime());
        if (hasErrors is { } value)
        {
            writer.WriteBoolean("hasErrors", value);
        }

        writer.WriteStartArray("resultMessages");
        foreach (var message in resultMessages)
        {
            message.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteString("serviceMessageID", Format(Guid.NewGuid()));
    }

    public static string Format(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
