using System;
using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Bodies of the email address search route: one entry per address with its contact keys, then the
/// service fields. An address without contacts is reported in the configured "no match" shape.
/// </summary>
internal static class EmailSearchResponses
{
    public static void WriteFound(
        Utf8JsonWriter writer,
        IReadOnlyList<(string Address, IReadOnlyList<EmulatedContact> Contacts)> results,
        EmailSearchNoMatch noMatch,
        TimeSpan serverUtcOffset,
        WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("channelAddressResponseEntities");
        foreach (var (address, contacts) in results)
        {
            if (contacts.Count == 0 && noMatch == EmailSearchNoMatch.OmitAddress)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("channelAddress", address);
            writer.WriteStartArray("contactKeyDetails");
            if (contacts.Count == 0)
            {
                // The documented "no match": one empty object.
                writer.WriteStartObject();
                writer.WriteEndObject();
            }

            foreach (var contact in contacts)
            {
                writer.WriteStartObject();
                writer.WriteString("contactKey", contact.ContactKey);
                writer.WriteString("createDate", WireTimestamps.Local(contact.CreatedAt, serverUtcOffset, LocalPrecision.Millisecond));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }
}
