using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>GET /contacts/v1/contacts/actions/delete/status?operationID=N</c>: where an operation is in its
/// two-phase lifecycle, computed from the emulator clock at the moment of the request.
/// </summary>
internal static class StatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapGet(EmulatorPaths.DeleteStatus, context => GetStatusAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.Status));

    private static Task GetStatusAsync(HttpContext context, EmulatorState state) =>
        OperationStatusRoute<EmulatedOperation>.HandleAsync(
            context,
            state,
            state.Operations.Find,
            (writer, operation, clock) => StatusResponses.WriteStatus(writer, operation, state.Options.AccountId, clock));
}
