using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Lifecycle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>POST /contacts/v1/operations/delete/{operationID}/retry</c> and its restrict twin: restart a
/// failed operation. The answer is HTTP 200 whatever happens: <c>operationRestarted</c> says whether
/// the operation restarted, and when it did not, an Error in <c>resultMessages</c> says why (as for
/// any request the service refuses). A path ID that is not an integer is a gateway 400.
/// </summary>
internal static class RetryEndpoints
{
    private const string OnlyFailedDeletions = "only a deletion whose delete phase ended Invalid can be retried.";

    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        endpoints.MapPost(EmulatorPaths.DeleteRetry, context => RetryDeletionAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.DeleteRetry));
        endpoints.MapPost(EmulatorPaths.RestrictRetry, context => RetryRestrictionAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.RestrictRetry));
    }

    private static Task RetryDeletionAsync(HttpContext context, EmulatorState state)
    {
        if (!TryReadOperationId(context, out var operationId))
        {
            return BadOperationIdAsync(context);
        }

        var clock = state.ClockFor(context);
        if (state.Operations.Find(operationId) is not { } operation)
        {
            return RefuseAsync(context, state, operationId, ServiceErrors.OperationNotFound(operationId), clock);
        }

        if (!operation.TryRestart(clock.UtcNow, state.Options.DeletePhaseDuration, out var before))
        {
            return RefuseAsync(context, state, operationId, ServiceErrors.OperationNotRetryable(operationId, WhyNotRetryable(before)), clock);
        }

        state.SaveState();
        EmulatorLog.OperationRestarted(state.Logger, operationId, operation.RetryCount);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => RetryResponses.WriteRestarted(writer, operationId, clock));
    }

    private static Task RetryRestrictionAsync(HttpContext context, EmulatorState state)
    {
        if (!TryReadOperationId(context, out var operationId))
        {
            return BadOperationIdAsync(context);
        }

        var clock = state.ClockFor(context);
        var reason = state.Restrictions.Find(operationId) is not { } restriction
            ? ServiceErrors.OperationNotFound(operationId)
            : ServiceErrors.OperationNotRetryable(
                operationId,
                // Restrictions never fail in the emulator, so there is never one to restart.
                restriction.IsCompletedAt(clock.UtcNow)
                    ? "it completed: processing is restricted."
                    : "it is still pending; only a failed restriction can be retried.");
        return RefuseAsync(context, state, operationId, reason, clock);
    }

    private static string WhyNotRetryable(OperationState before) => before.Phase switch
    {
        OperationPhase.SuppressionPending => "its suppression is still pending; " + OnlyFailedDeletions,
        OperationPhase.SuppressionCompleted => "its contacts are suppressed and its delete phase has not started; " + OnlyFailedDeletions,
        OperationPhase.DeleteProcessing => "its delete phase is still processing; " + OnlyFailedDeletions,
        _ when before.BackgroundOperationStatus == WireStatus.Aborted => "it was aborted and its contacts restored; start a new deletion instead.",
        _ => "it completed: the contacts are deleted.",
    };

    private static Task RefuseAsync(HttpContext context, EmulatorState state, long operationId, ResultMessage reason, Time.WireClock clock)
    {
        EmulatorLog.RetryRefused(state.Logger, operationId, reason.ResultCode);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => RetryResponses.WriteRefused(writer, operationId, reason, clock));
    }

    private static bool TryReadOperationId(HttpContext context, out long operationId)
    {
        operationId = 0;
        return context.Request.RouteValues[EmulatorPaths.OperationIdParameter] is string text
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out operationId);
    }

    private static Task BadOperationIdAsync(HttpContext context) =>
        GatewayErrors.BadRequestAsync(context, "The operationID in the path must be an integer.");
}
