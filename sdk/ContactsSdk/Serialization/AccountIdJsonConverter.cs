using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactsSdk.Serialization;

/// <summary>
/// Writes an <see cref="AccountId"/> as a JSON number, so receipts and API answers that carried a MID
/// as a number keep their shape; reads a number or a string of digits (hand-written JSON often quotes
/// a MID).
/// </summary>
internal sealed class AccountIdJsonConverter : JsonConverter<AccountId>
{
    public override AccountId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out var value) && value > 0
                ? new AccountId(value)
                : throw new JsonException("An account ID (MID) must be a positive whole number.");
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return AccountId.TryParse(text, out var id)
                ? id
                : throw new JsonException($"'{text}' is not an account ID: a MID is a positive whole number such as 100012345.");
        }

        throw new JsonException($"An account ID (MID) is a number or a string of digits, not {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, AccountId value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);

    public override AccountId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AccountId.TryParse(reader.GetString(), out var id)
            ? id
            : throw new JsonException("A property name is not an account ID (MID).");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, AccountId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value.ToString(CultureInfo.InvariantCulture));
}
