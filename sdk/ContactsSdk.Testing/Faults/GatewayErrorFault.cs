using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Json;

namespace ContactsSdk.Testing.Faults;

/// <summary>The gateway answers with an error instead of passing the request on.</summary>
internal sealed class GatewayErrorFault(
    FaultKind kind,
    int statusCode,
    string message,
    int errorCode,
    TimeSpan? retryAfter,
    bool retryAfterAsHttpDate,
    string description)
    : Fault(kind, EmulatorRoute.All, description)
{
    internal override Task ApplyAsync(FaultContext context, Func<Task> next)
    {
        if (retryAfter is { } delay)
        {
            // An HTTP date is written on the server's clock, skew included, as a real server would.
            context.Http.Response.Headers.RetryAfter = retryAfterAsHttpDate
                ? RetryAfterValue.HttpDate(context.State.ClockFor(context.Http).ReportedNow + delay)
                : RetryAfterValue.Seconds(delay);
        }

        return GatewayErrors.WriteAsync(context.Http, statusCode, message, errorCode);
    }
}
