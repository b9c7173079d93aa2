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
        StartOperationRoute<EmulatedDeleteRequest>.HandleAsync(context, state, (type, body) => Parse(state, type, body), EmulatorLog.DeleteRejected, Start);

    private static ParseResult<EmulatedDeleteRequest> Parse(EmulatorState state, string? type, JsonElement body)
    {
        var parsed = DeleteRequestParser.Parse(type, body);
        var refused = state.Options.RefusedContactKeys;
        if (parsed.Value is { } request && refused.Count > 0)
        {
            for (var i = 0; i < request.Keys.Count; i++)
            {
                if (refused.Contains(request.Keys[i]))
                {
                    return ServiceErrors.RefusedContact(ContactRequestKind.Delete, i);
                }
            }
        }
        return parsed;
    }

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
