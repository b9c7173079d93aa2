using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>GET /contacts/v1/contacts/actions/restrict/status?operationID=N</c>: a restriction's status,
/// Pending then Completed, computed from the emulator clock at the moment of the request.
/// </summary>
internal static class RestrictStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapGet(EmulatorPaths.RestrictStatus, context => GetStatusAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.RestrictStatus));

    private static Task GetStatusAsync(HttpContext context, EmulatorState state)
    {
        if (!RequestJson.TryReadOperationId(context, out var operationId, out var refusal))
        {
            return refusal;
        }

        var clock = state.ClockFor(context);
        if (state.Restrictions.Find(operationId) is not { } restriction)
        {
            // As on the delete status route: an unknown operation (a deletion's ID included) is a service error with HTTP 200.
            return JsonResponse.WriteAsync(
                context, StatusCodes.Status200OK, writer => StatusResponses.WriteUnknownOperation(writer, operationId, clock));
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => RestrictResponses.WriteStatus(writer, restriction, state.Options.AccountId, clock));
    }
}
