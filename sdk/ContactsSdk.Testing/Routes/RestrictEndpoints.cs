using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
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

    private static async Task RestrictAsync(HttpContext context, EmulatorState state)
    {
        using var document = await RequestJson.ReadObjectOrRefuseAsync(context);
        if (document is null)
        {
            return;
        }

        var parsed = RestrictRequestParser.Parse(RequestJson.QueryValue(context, "type"), document.RootElement);
        var clock = state.ClockFor(context);
        if (parsed.Value is not { } request)
        {
            var error = parsed.Error!;
            EmulatorLog.RestrictRejected(state.Logger, error.ResultCode);
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => RestrictResponses.WriteRejected(writer, error, clock));
            return;
        }

        var restriction = state.Restrictions.Create(request, Guid.NewGuid(), clock.UtcNow);
        state.SaveState();
        EmulatorLog.RestrictionCreated(state.Logger, restriction.OperationId, request.Type);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => RestrictResponses.WriteInitiated(writer, restriction, clock));
    }
}
