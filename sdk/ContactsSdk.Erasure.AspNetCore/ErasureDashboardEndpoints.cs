using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.AspNetCore;
using ContactsSdk.Erasure.AspNetCore.Dashboard;
using ContactsSdk.Erasure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the erasure dashboard: server-rendered pages for the people who follow erasures.</summary>
public static class ErasureDashboardEndpoints
{
    /// <summary>Every route of the dashboard (method and pattern under the prefix), so that none is left without its guard.</summary>
    internal static IReadOnlyList<(string Method, string Pattern)> Routes => [.. Table(new DashboardHandlers("/")).Select(r => (r.Method, r.Pattern))];

    /// <summary>
    /// Maps the dashboard under <paramref name="prefix"/>, every page and form behind
    /// <paramref name="authorizationPolicy"/>: the overdue and at-risk erasures first, the counts by
    /// state, a search by request ID, one erasure's timeline, deadline and receipt, the ledger's last
    /// verification (run with a button), and a form to submit an erasure by contact keys. The pages need
    /// no script; forms are POSTed with an antiforgery token. Needs <c>AddContactsErasure</c>,
    /// <c>AddContactsErasureDashboard</c>, and a policy of that name whose scheme can sign a browser in
    /// (a cookie, OpenID Connect, …).
    /// </summary>
    /// <returns>The group, for more conventions.</returns>
    public static RouteGroupBuilder MapContactsErasureDashboard(this IEndpointRouteBuilder endpoints, string prefix, string authorizationPolicy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorizationPolicy);
        if (endpoints.ServiceProvider.GetService(typeof(LedgerVerificationLog)) is null)
        {
            throw new InvalidOperationException("The erasure dashboard needs services.AddContactsErasureDashboard().");
        }
        var handlers = new DashboardHandlers(prefix);
        var group = endpoints.MapGroup(prefix).RequireAuthorization(authorizationPolicy).AddEndpointFilter((context, next) => LedgerUnavailableAsync(context, next, prefix)).ExcludeFromDescription();
        foreach (var (method, pattern, handler) in Table(handlers))
        {
            // The POSTs read their form themselves after checking its token (antiforgery is not left to a middleware the host may lack).
            group.MapMethods(pattern, [method], handler).DisableAntiforgery();
        }
        return group;
    }

    private static (string Method, string Pattern, Delegate Handler)[] Table(DashboardHandlers handlers) =>
    [
        ("GET", "/", handlers.OverviewAsync),
        ("GET", "/search", handlers.Search),
        ("GET", "/requests/{requestId}", handlers.ErasureAsync),
        ("GET", "/submit", handlers.SubmitFormPage),
        ("POST", "/submit", handlers.SubmitAsync),
        ("POST", "/verify", handlers.VerifyAsync),
        ("POST", "/reconciliations/{requestId}", handlers.DecideAsync),
    ];

    // An unreachable ledger is a page that says so (503), not the host's error page.
    private static async ValueTask<object?> LedgerUnavailableAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string prefix)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ErasureLedgerException e)
        {
            return new DashboardPage(DashboardLinks.For(context.HttpContext.Request, prefix), "The ledger is unavailable", page =>
                page.Add($"<p class=\"error\" role=\"alert\">{e.Message}</p><p>Nothing was changed. Try again once the ledger answers.</p>"),
                StatusCodes.Status503ServiceUnavailable);
        }
    }
}
