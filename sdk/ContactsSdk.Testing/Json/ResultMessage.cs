using System.Text.Json;

namespace ContactsSdk.Testing.Json;

/// <summary>One entry of a service response's <c>resultMessages</c>.</summary>
internal sealed record ResultMessage(string ResultType, string ResultClass, string ResultCode, string Message)
{
    public const string ErrorClass = "Error";

    public static ResultMessage Error(string resultType, string resultCode, string message) =>
        new(resultType, ErrorClass, resultCode, message);

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("resultType", ResultType);
        writer.WriteString("resultClass", ResultClass);
        writer.WriteString("resultCode", ResultCode);
        writer.WriteString("message", Message);
        writer.WriteEndObject();
    }
}
