using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Gateway;

/// <summary>
/// Outermost middleware: stamps every response with a Date on the emulator clock, so that a client
/// can relate an HTTP-date Retry-After to the server's notion of now, and counts 401 and 429 responses.
/// </summary>
internal sealed class ResponseBookkeeping(EmulatorState state)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // At the start of the response the status is final and any clock skew of the request is known.
        // A dropped connection never starts a response, so it is not counted.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Date = state.ClockFor(context).ReportedNow.ToString("R", CultureInfo.InvariantCulture);
            state.Statistics.CountResponse(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
