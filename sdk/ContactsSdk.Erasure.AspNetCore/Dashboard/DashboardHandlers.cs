using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using Microsoft.AspNetCore.Antiforgery;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>
/// The dashboard's pages and forms. Every POST checks its antiforgery token first; every form answers
/// with a redirect (303) to the page that shows the result, so reloading never posts twice.
/// </summary>
internal sealed class DashboardHandlers(string prefix)
{
    public async Task<IResult> OverviewAsync(HttpContext context, IErasureService service, LedgerVerificationLog verifications, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var deadlines = await service.CheckDeadlinesAsync(cancellationToken).ConfigureAwait(false);
        var pending = await service.ListPendingReconciliationsAsync(cancellationToken).ConfigureAwait(false);
        var census = await ErasureCensus.TakeAsync(service, cancellationToken).ConfigureAwait(false);
        var webhooks = context.RequestServices.GetService<IErasureWebhooks>() is { } registered
            ? await registered.GetDeliveryReportAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var tokens = antiforgery.GetAndStoreTokens(context);
        var links = Links(context);
        return new DashboardPage(links, "Overview", page => OverviewPage.Render(page, links, deadlines, pending, census, verifications.Last, tokens, webhooks));
    }

    public IResult Search(HttpContext context, string? requestId) =>
        string.IsNullOrWhiteSpace(requestId)
            ? Results.Redirect(Links(context).Overview)
            : Results.Redirect(Links(context).Erasure(requestId.Trim()));

    public async Task<IResult> ErasureAsync(HttpContext context, string requestId, IErasureService service, IErasureLedgerStore store, CancellationToken cancellationToken)
    {
        var links = Links(context);
        if (await service.GetAsync(requestId, cancellationToken).ConfigureAwait(false) is not { } erasure)
        {
            return new DashboardPage(links, "No such erasure", page =>
            {
                page.Add($"<p class=\"error\" role=\"alert\">No erasure has request ID '{requestId}'.</p>");
                SearchForm.Render(page, links, requestId);
            }, StatusCodes.Status404NotFound);
        }
        var deadline = await service.GetDeadlineAsync(requestId, cancellationToken).ConfigureAwait(false);
        var timeline = await store.ReadEntriesAsync(erasure.ErasureId, cancellationToken).ConfigureAwait(false);
        var receipt = erasure.State == ErasureState.Closed ? await service.ExportReceiptJsonAsync(requestId, cancellationToken).ConfigureAwait(false) : null;
        return new DashboardPage(links, "Erasure " + erasure.RequestId, page => ErasurePage.Render(page, erasure, deadline, timeline, receipt));
    }

    public IResult SubmitFormPage(HttpContext context, IAntiforgery antiforgery) => SubmitPage(context, antiforgery, SubmitForm.Empty, problem: null);

    public async Task<IResult> SubmitAsync(HttpContext context, IErasureService service, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await RejectForgeryAsync(context, antiforgery).ConfigureAwait(false) is { } rejected)
        {
            return rejected;
        }
        var form = SubmitForm.Read(await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false));
        var (body, problem) = form.ToBody();
        if (body is null)
        {
            return SubmitPage(context, antiforgery, form, problem);
        }
        try
        {
            var erasure = await service.SubmitAsync(ErasureRequests.From(body), cancellationToken).ConfigureAwait(false);
            return SeeOther(Links(context).Erasure(erasure.RequestId));
        }
        catch (ArgumentException e)
        {
            // The service's messages name options and request IDs, never a subject.
            return SubmitPage(context, antiforgery, form, e.Message);
        }
    }

    public async Task<IResult> VerifyAsync(HttpContext context, IErasureService service, LedgerVerificationLog verifications, TimeProvider time, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await RejectForgeryAsync(context, antiforgery).ConfigureAwait(false) is { } rejected)
        {
            return rejected;
        }
        var result = await service.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false);
        verifications.Record(result, time.GetUtcNow());
        return SeeOther(Links(context).Overview + "#verification");
    }

    /// <summary>
    /// A person's decision on a pending reconciliation: the candidate they chose, or none. Recorded with
    /// the signed-in user's name as who decided; a decision the service refuses (no longer pending, not a
    /// candidate) is a page that says why.
    /// </summary>
    public async Task<IResult> DecideAsync(HttpContext context, string requestId, IErasureService service, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await RejectForgeryAsync(context, antiforgery).ConfigureAwait(false) is { } rejected)
        {
            return rejected;
        }
        var choice = (await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false))["operation"].ToString();
        long? operationId = choice == "none" ? null : long.TryParse(choice, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1;
        var links = Links(context);
        try
        {
            if (operationId == -1 || context.User.Identity?.Name is not { Length: > 0 } decidedBy)
            {
                throw new ArgumentException("Choose one of the candidate operations, or none; a decision needs a signed-in user with a name.");
            }
            await service.ResolveReconciliationAsync(requestId, operationId, decidedBy, cancellationToken).ConfigureAwait(false);
            return SeeOther(links.Erasure(requestId));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ErasureNotFoundException)
        {
            return new DashboardPage(links, "Decision not recorded", page =>
                page.Add($"<p class=\"error\" role=\"alert\">{e.Message} Nothing was recorded.</p><p><a href=\"{links.Overview}#reconciliations\">Back to the overview</a></p>"),
                StatusCodes.Status409Conflict);
        }
    }

    private IResult SubmitPage(HttpContext context, IAntiforgery antiforgery, SubmitForm form, string? problem)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var links = Links(context);
        return new DashboardPage(links, "Submit an erasure", page => form.Render(page, links, tokens, problem),
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private async Task<IResult?> RejectForgeryAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return null;
        }
        var links = Links(context);
        return new DashboardPage(links, "Form not accepted", page =>
            page.Add($"<p class=\"error\" role=\"alert\">This form was not sent by this dashboard, or its page is too old. Nothing was changed: open the page again and resend it.</p>"),
            StatusCodes.Status400BadRequest);
    }

    // 303: the browser follows a POST's answer with a GET of the page that shows the result.
    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private DashboardLinks Links(HttpContext context) => DashboardLinks.For(context.Request, prefix);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
