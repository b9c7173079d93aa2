using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Json;

/// <summary>
/// Writes a JSON response body with <see cref="Utf8JsonWriter"/>, so that keys come out in exactly
/// the order the code writes them (the order of the route document's examples).
/// </summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";

    // The body is read by API clients, not embedded in HTML: write "+05:00" rather than "\u002B05:00".
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writeBody(writer);
        }

        return WriteBytesAsync(context, statusCode, buffer.WrittenMemory);
    }

    private static Task WriteBytesAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
