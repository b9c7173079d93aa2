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
/// <c>POST /contacts/v1/contacts/actions/delete?type=keys|ids|listReference</c>: starts a deletion.
/// A request the service cannot carry out still gets HTTP 200, with the error in <c>resultMessages</c>.
/// </summary>
internal static class DeleteEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapPost(EmulatorPaths.Delete, context => DeleteAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.Delete));

    private static Task DeleteAsync(HttpContext context, EmulatorState state) =>
        StartOperationRoute<EmulatedDeleteRequest>.HandleAsync(context, state, DeleteRequestParser.Parse, EmulatorLog.DeleteRejected, Start);

    private static Action<Utf8JsonWriter> Start(EmulatorState state, EmulatedDeleteRequest request, WireClock clock)
    {
        // The store decides the outcome as it creates the operation: the status route is a pure function of the clock from then on.
        var operation = state.Operations.Create(request, Guid.NewGuid(), clock.UtcNow);
        state.SaveState();
        EmulatorLog.OperationCreated(
            state.Logger, operation.OperationId, request.Type, operation.ProcessingStartsAt, operation.SuppressionCompletesAt, operation.Outcome);
        return writer => DeleteResponses.WriteInitiated(writer, operation, clock);
    }
}
