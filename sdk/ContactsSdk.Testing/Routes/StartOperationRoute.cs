using System;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Time;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// What the delete and restrict routes share: a body that is not a JSON object is refused by the
/// gateway; the <c>type</c> query and the body are parsed; a request the service cannot carry out
/// gets HTTP 200 with <c>operationInitiated</c> false and the error in <c>resultMessages</c>;
/// anything else starts an operation and answers HTTP 200 with its ID. What differs (the parser, the
/// store, the log entries, the response bodies) is given by each route.
/// </summary>
/// <typeparam name="TRequest">What the route's parser reads from the request.</typeparam>
internal static class StartOperationRoute<TRequest>
    where TRequest : class
{
    /// <summary>Parses the <c>type</c> query and the body.</summary>
    public delegate ParseResult<TRequest> Parser(string? type, JsonElement body);

    /// <summary>Starts the operation (storing and logging it) and returns how to write its answer.</summary>
    public delegate Action<Utf8JsonWriter> Starter(EmulatorState state, TRequest request, WireClock clock);

    public static async Task HandleAsync(
        HttpContext context,
        EmulatorState state,
        Parser parse,
        Action<Microsoft.Extensions.Logging.ILogger, string> logRejected,
        Starter start)
    {
        using var document = await RequestJson.ReadObjectOrRefuseAsync(context);
        if (document is null)
        {
            return;
        }

        var parsed = parse(RequestJson.QueryValue(context, "type"), document.RootElement);
        var clock = state.ClockFor(context);
        if (parsed.Value is not { } request)
        {
            var error = parsed.Error!;
            logRejected(state.Logger, error.ResultCode);
            // Both routes answer a refused request with the same envelope.
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => DeleteResponses.WriteRejected(writer, error, clock));
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, start(state, request, clock));
    }
}
