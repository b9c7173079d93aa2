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
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (RouteTag.Of(context) is not { } route)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        state.Statistics.CountRequest(route);
        // The body is read only when a rule will draw for the request: without rules, nothing changes.
        var identity = state.Faults.HasRulesFor(route) ? await FaultDraw.IdentityOfAsync(context, route).ConfigureAwait(false) : string.Empty;
        if (state.Faults.TakeFor(route, identity) is not { } fault)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        foreach (var kind in fault.Kinds)
        {
            state.Statistics.CountFault(kind);
        }

        EmulatorLog.FaultInjected(state.Logger, fault.ToString(), route);
        await fault.ApplyAsync(new FaultContext(context, route, state), () => next(context)).ConfigureAwait(false);
    }
}
