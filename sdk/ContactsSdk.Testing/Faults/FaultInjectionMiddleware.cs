using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Routes;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// Counts each request to an emulated route and applies the fault the plan has for it, in front of
/// the gateway: a fault plays the network or an overloaded edge, not the service.
/// </summary>
internal sealed class FaultInjectionMiddleware(EmulatorState state)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (RouteTag.Of(context) is not { } route)
        {
            return next(context);
        }

        state.Statistics.CountRequest(route);
        if (state.Faults.TakeFor(route) is not { } fault)
        {
            return next(context);
        }

        foreach (var kind in fault.Kinds)
        {
            state.Statistics.CountFault(kind);
        }

        EmulatorLog.FaultInjected(state.Logger, fault.ToString(), route);
        return fault.ApplyAsync(new FaultContext(context, route, state), () => next(context));
    }
}
