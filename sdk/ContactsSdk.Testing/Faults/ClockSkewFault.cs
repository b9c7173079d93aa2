using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Time;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// The server's clock is off: every time the response reports (responseDateTime, operation
/// timestamps, Date, an HTTP-date Retry-After) is shifted. The lifecycle itself is not affected.
/// </summary>
internal sealed class ClockSkewFault(TimeSpan offset)
    : Fault(FaultKind.ClockSkew, EmulatorRoute.All, $"skew the server clock by {offset}")
{
    internal override Task ApplyAsync(FaultContext context, Func<Task> next)
    {
        RequestClockSkew.Add(context.Http, offset);
        return next();
    }
}
