using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsSdk.Erasure.AspNetCore;

/// <summary>The webhook deliveries under the erasure API: what is pending or failed per endpoint, and sending failed ones again.</summary>
internal static class ErasureWebhookEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/ledger/webhooks", ReportAsync).WithName("GetWebhookDeliveries")
            .WithDescription("Per registered endpoint: deliveries pending and failed (given up after the most attempts or the longest age), the oldest pending, the last success and the last error; and the events not yet dispatched. 404 when no webhooks are registered.")
            .WithSummary("How webhook deliveries stand, per endpoint.")
            .Produces<WebhookDeliveryReport>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/ledger/webhooks/{endpoint}/retry", RetryAsync).WithName("RetryFailedWebhooks")
            .WithDescription("Makes the endpoint's failed deliveries pending again, due now, their attempts counted afresh; returns how many.")
            .WithSummary("Send an endpoint's failed webhook deliveries again.")
            .Produces<RetriedWebhooks>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ReportAsync(HttpContext context, CancellationToken cancellationToken) =>
        context.RequestServices.GetService<IErasureWebhooks>() is { } webhooks
            ? Results.Ok(await webhooks.GetDeliveryReportAsync(cancellationToken).ConfigureAwait(false))
            : NoWebhooks();

    private static async Task<IResult> RetryAsync(string endpoint, HttpContext context, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<IErasureWebhooks>() is not { } webhooks)
        {
            return NoWebhooks();
        }
        var report = await webhooks.GetDeliveryReportAsync(cancellationToken).ConfigureAwait(false);
        if (!report.Endpoints.Any(e => e.Registered && e.Name == endpoint))
        {
            return Results.Problem($"No webhook endpoint named '{endpoint}' is registered.", statusCode: StatusCodes.Status404NotFound, title: "No such webhook endpoint");
        }
        return Results.Ok(new RetriedWebhooks(endpoint, await webhooks.RetryFailedAsync(endpoint, cancellationToken).ConfigureAwait(false)));
    }

    private static IResult NoWebhooks() =>
        Results.Problem("This service registers no webhook endpoints (AddContactsErasureWebhooks).", statusCode: StatusCodes.Status404NotFound, title: "No webhooks");
}

/// <summary>How many failed deliveries of an endpoint were made pending again.</summary>
/// <param name="Endpoint">The endpoint's name.</param>
/// <param name="Retried">How many deliveries.</param>
internal sealed record RetriedWebhooks(string Endpoint, int Retried);
