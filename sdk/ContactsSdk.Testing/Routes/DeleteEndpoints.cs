using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
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

    private static async Task DeleteAsync(HttpContext context, EmulatorState state)
    {
        using var document = await RequestJson.ReadObjectOrRefuseAsync(context);
        if (document is null)
        {
            return;
        }

        var parsed = DeleteRequestParser.Parse(RequestJson.QueryValue(context, "type"), document.RootElement);
        var clock = state.ClockFor(context);
        if (parsed.Value is not { } request)
        {
            var error = parsed.Error!;
            EmulatorLog.DeleteRejected(state.Logger, error.ResultCode);
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => DeleteResponses.WriteRejected(writer, error, clock));
            return;
        }

        var operation = state.Operations.Create(request, Guid.NewGuid(), clock.UtcNow);
        state.SaveState();
        EmulatorLog.OperationCreated(state.Logger, operation.OperationId, request.Type, operation.Outcome);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => DeleteResponses.WriteInitiated(writer, operation, clock));
    }
}
