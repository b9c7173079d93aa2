using System;
using System.Text.Json;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Bodies of the two retry routes (HTTP 200). A restart has exactly the shape of the spec's example,
/// which has no <c>hasErrors</c>; a refusal adds <c>hasErrors</c> true with the reason in
/// <c>resultMessages</c>, as every refused service request does.
/// </summary>
internal static class RetryResponses
{
    public static void WriteRestarted(Utf8JsonWriter writer, long operationId, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteNumber("operationID", operationId);
        writer.WriteBoolean("operationRestarted", true);
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: null, []);
        writer.WriteEndObject();
    }

    public static void WriteRefused(Utf8JsonWriter writer, long operationId, ResultMessage reason, WireClock clock)
    {
        writer.WriteStartObject();
        writer.WriteNumber("operationID", operationId);
        writer.WriteBoolean("operationRestarted", false);
        ServiceResponseFields.Write(writer, Guid.NewGuid(), clock, hasErrors: true, [reason]);
        writer.WriteEndObject();
    }
}
