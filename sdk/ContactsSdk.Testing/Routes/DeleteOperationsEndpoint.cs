using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing.Analytics;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>GET /contacts/v1/contacts/deleteOperations</c>: one page of the account's delete operations,
/// newest first, each read at the moment of the request. <c>$page</c> and <c>$pageSize</c> (names
/// match whatever their case) are read like the analytics list's; a value it cannot read is a
/// gateway 400 naming the parameter.
/// </summary>
internal static class DeleteOperationsEndpoint
{
    public const string Page = "$page";
    public const string PageSize = "$pageSize";

    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapGet(EmulatorPaths.DeleteOperations, context => ListAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.DeleteOperations));

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        if (!AnalyticsQueryParser.TryParseInt(query, Page, AnalyticsQueryParser.DefaultPage, 1, int.MaxValue, out var page, out var problem)
            || !AnalyticsQueryParser.TryParseInt(query, PageSize, AnalyticsQueryParser.DefaultPageSize, 1, AnalyticsQueryParser.MaxPageSize, out var pageSize, out problem))
        {
            return GatewayErrors.BadRequestAsync(context, problem);
        }

        var clock = state.ClockFor(context);
        var operations = state.Operations.Snapshot();
        // Computed in 64 bits: a large page number times a large page size does not fit in an int.
        var skip = (long)(page - 1) * pageSize;
        var records = skip >= operations.Count
            ? []
            : operations
                .OrderByDescending(operation => operation.OperationId)
                .Skip((int)skip)
                .Take(pageSize)
                .Select(operation => DeleteOperationRecord.Of(operation, state.Contacts, clock.UtcNow))
                .ToArray();
        return JsonResponse.WriteAsync(
            context,
            StatusCodes.Status200OK,
            writer => DeleteOperationsResponses.WritePage(writer, operations.Count, page, pageSize, records, state.Options.AccountId, clock));
    }
}
