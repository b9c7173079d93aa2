using System;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Time;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// What the delete and restrict status routes share: the <c>operationID</c> query is required and
/// numeric (else a gateway 400); an operation the route's store does not hold is a service error
/// answered with HTTP 200; a known one is written as it stands at the moment of the request. Each
/// route gives its own store and body.
/// </summary>
/// <typeparam name="TOperation">The kind of operation the route reports.</typeparam>
internal static class OperationStatusRoute<TOperation>
    where TOperation : class
{
    public static Task HandleAsync(
        HttpContext context,
        EmulatorState state,
        Func<long, TOperation?> find,
        Action<Utf8JsonWriter, TOperation, WireClock> writeStatus)
    {
        if (!RequestJson.TryReadOperationId(context, out var operationId, out var refusal))
        {
            return refusal;
        }

        var clock = state.ClockFor(context);
        if (find(operationId) is not { } operation)
        {
            // An unknown operation (another route's operation ID included) is a service error, reported with HTTP 200.
            return JsonResponse.WriteAsync(
                context, StatusCodes.Status200OK, writer => StatusResponses.WriteUnknownOperation(writer, operationId, clock));
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => writeStatus(writer, operation, clock));
    }
}
