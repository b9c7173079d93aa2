using System.Threading.Tasks;
using ContactsSdk.Testing.Analytics;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>GET /contacts/v1/contacts/analytics/deleterequests</c> (one page of the deletions received in a
/// range) and <c>…/deleterequests/summary</c> (their counts as time series). Both read every
/// deletion's status at the moment of the request; a query they cannot read is a gateway 400.
/// </summary>
internal static class DeleteRequestsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        endpoints.MapGet(EmulatorPaths.DeleteRequests, context => ListAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.DeleteRequests));
        endpoints.MapGet(EmulatorPaths.DeleteRequestsSummary, context => SummarizeAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.DeleteRequestsSummary));
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        if (!AnalyticsQueryParser.TryParseList(context.Request.Query, out var query, out var problem))
        {
            return GatewayErrors.BadRequestAsync(context, problem);
        }

        var clock = state.ClockFor(context);
        var records = DeleteRequestsReport.InRange(state.Operations.Snapshot(), query!.Range, clock.UtcNow);
        var page = DeleteRequestsReport.Page(records, query.Status, query.Descending, query.Page, query.PageSize);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => DeleteRequestsResponses.WritePage(writer, query, page, clock));
    }

    private static Task SummarizeAsync(HttpContext context, EmulatorState state)
    {
        if (!AnalyticsQueryParser.TryParseRange(context.Request.Query, out var range, out var problem))
        {
            return GatewayErrors.BadRequestAsync(context, problem);
        }

        var clock = state.ClockFor(context);
        var records = DeleteRequestsReport.InRange(state.Operations.Snapshot(), range, clock.UtcNow);
        var summary = DeleteRequestsSummary.Build(range, records);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => DeleteRequestsResponses.WriteSummary(writer, range, summary, clock));
    }
}
