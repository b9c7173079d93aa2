using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;
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

    private static Task GetStatusAsync(HttpContext context, EmulatorState state) =>
        OperationStatusRoute<EmulatedRestriction>.HandleAsync(
            context,
            state,
            state.Restrictions.Find,
            (writer, restriction, clock) => RestrictResponses.WriteStatus(writer, restriction, state.Options.AccountId, clock));
}
