using System;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>POST /contacts/v1/contacts/actions/restrict?type=keys|ids|listReference</c>: starts a
/// restriction of processing. It behaves like the delete route: HTTP 200 with <c>operationInitiated</c>
/// false and the error in <c>resultMessages</c> for a request the service cannot carry out, a
/// gateway 400 for a body that is not a JSON object.
/// </summary>
internal static class RestrictEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapPost(EmulatorPaths.Restrict, context => RestrictAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.Restrict));

    private static Task RestrictAsync(HttpContext context, EmulatorState state) =>
        StartOperationRoute<EmulatedRestrictRequest>.HandleAsync(context, state, RestrictRequestParser.Parse, EmulatorLog.RestrictRejected, Start);

    private static Action<Utf8JsonWriter> Start(EmulatorState state, EmulatedRestrictRequest request, WireClock clock)
    {
        var restriction = state.Restrictions.Create(request, Guid.NewGuid(), clock.UtcNow);
        state.SaveState();
        EmulatorLog.RestrictionCreated(state.Logger, restriction.OperationId, request.Type);
        return writer => RestrictResponses.WriteInitiated(writer, restriction, clock);
    }
}
