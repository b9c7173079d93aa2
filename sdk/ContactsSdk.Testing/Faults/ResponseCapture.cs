using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// Runs the rest of the pipeline with its response body held in memory, so that a fault can
/// withhold, delay or rewrite it. Status and headers stay on the real response, unsent.
/// </summary>
internal static class ResponseCapture
{
    public static async Task<byte[]> RunAsync(HttpContext context, Func<Task> next)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next();
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        return buffer.ToArray();
    }

    /// <summary>Sends a (possibly rewritten) body with a Content-Length that matches it.</summary>
    public static Task SendAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
