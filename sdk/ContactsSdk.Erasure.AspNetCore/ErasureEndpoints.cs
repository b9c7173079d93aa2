using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.AspNetCore;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the erasure API onto a host's endpoints.</summary>
public static class ErasureEndpoints
{
    /// <summary>
    /// Maps the erasure API under <paramref name="prefix"/>, every endpoint behind
    /// <paramref name="authorizationPolicy"/> (none is anonymous): submit, list, one erasure with its
    /// timeline, its receipt and evidence, the overdue and at-risk erasures, a deadline extension, the
    /// CSV of a date range, verification and digests, and the webhook deliveries. Needs <c>AddContactsErasure</c> and an
    /// authorization policy of that name.
    /// </summary>
    /// <returns>The group, for more conventions (rate limiting, OpenAPI tags, …).</returns>
    public static RouteGroupBuilder MapContactsErasure(this IEndpointRouteBuilder endpoints, string prefix, string authorizationPolicy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorizationPolicy);
        var group = endpoints.MapGroup(prefix).RequireAuthorization(authorizationPolicy).AddEndpointFilter(ProblemsFilter).WithTags("Erasures")
            // Every operation: no key (401), and a ledger that cannot be read or written (503).
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/", SubmitAsync).WithName("SubmitErasure").WithDescription("Records the erasure in the ledger and wakes the worker. The request ID is the idempotency key: the same ID with the same subjects returns the same erasure; with other subjects, another MID, deadline or received-at time it is refused. Subjects are in the body only, never in a URL.").WithSummary("Record an erasure (idempotent by request ID) and start it.")
            .Produces<ErasureView>().ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", ListAsync).WithName("ListErasures").WithDescription("Erasures by submission time, optionally filtered by state, verdict, MID and a submitted range. Pages are keyset pages: pass the previous page's next as after.").WithSummary("A page of erasures by submission time, filtered.")
            .Produces<ErasurePage>().ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{requestId}", GetAsync).WithName("GetErasure").WithDescription("The erasure's facts (each proven by its ledger chain) and the kinds and times of its ledger entries. Payloads stay in the ledger.").WithSummary("One erasure with its timeline.")
            .Produces<ErasureDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{requestId}/receipt", ReceiptAsync).WithName("GetReceipt").WithDescription("The receipt JSON (schema contactssdk.erasure-receipt/1) byte for byte as the ledger holds it. 409 while the erasure is not closed.").WithSummary("A closed erasure's receipt, exactly as the ledger holds it.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{requestId}/evidence", EvidenceAsync).WithName("GetReceiptEvidence").WithDescription("The receipt as standalone evidence (schema contactssdk.erasure-evidence/1): a digest of the whole ledger signed now and the inclusion proof of the receipt's entry, checkable with the public key alone.").WithSummary("The receipt with a digest signed now and its inclusion proof.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{requestId}/deadline", ExtendAsync).WithName("ExtendDeadline").WithDescription("Records a deadline extension with its reason as a ledger entry. The reason text may name a person: it stays in the ledger and is never returned or logged.").WithSummary("Extend an active erasure's legal deadline, with a reason.")
            .Produces<ErasureView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{requestId}/reconciliation", DecideAsync).WithName("DecideReconciliation").WithDescription("Records who decided which candidate operation is the erasure's shared request, or that none is (noneMatches); the erasure goes on at once. The decision and the signed-in user's name are a ledger entry.")
            .WithSummary("Resolve an ambiguous reconciliation.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/ledger/reconciliations", PendingAsync).WithName("ListPendingReconciliations").WithDescription("Shared requests whose outcome was unknown and that several received requests match, each with its candidate operations: they wait for a person.")
            .WithSummary("The ambiguous reconciliations waiting for a decision.")
            .Produces<IReadOnlyList<PendingReconciliation>>();
        group.MapGet("/ledger/late", LateAsync).WithName("ListLateErasures").WithDescription("The active erasures past their due date, and those whose deletion is projected to end after it, earliest due first.").WithSummary("The active erasures overdue or projected to miss their deadline.")
            .Produces<List<LateErasure>>();
        group.MapGet("/ledger/csv", CsvAsync).WithName("ExportErasuresCsv").WithDescription("One line per erasure submitted in [from, to), without any identifier in clear.").WithSummary("The erasures submitted in [from, to) as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/ledger/verify", VerifyAsync).WithName("VerifyLedger").WithDescription("Checks every erasure's hash chain, every row column against its entries, and that every position of the ledger-wide tree holds an entry. Names each problem.").WithSummary("Check every chain, row and tree position of the ledger.")
            .Produces<LedgerVerification>();
        group.MapPost("/ledger/digest", DigestAsync).WithName("IssueDigest").WithDescription("Signs the ledger-wide tree's size and root now (schema contactssdk.erasure-digest/1). Keep it outside the database.").WithSummary("Sign a digest of the whole ledger now.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/ledger/verify-digest", VerifyDigestAsync).WithName("VerifyDigest").WithDescription("Checks a digest's signature and that the ledger still holds every entry it covered, unchanged; names what is missing or changed, and returns the consistency proof when it holds.").WithSummary("Prove the ledger still holds everything a digest covered.")
            .Accepts<string>("application/json").Produces<DigestVerification>().ProducesProblem(StatusCodes.Status400BadRequest);
        ErasureWebhookEndpoints.Map(group);
        return group;
    }

    private static async Task<IResult> SubmitAsync(SubmitErasureBody body, IErasureService service, CancellationToken cancellationToken)
    {
        if (ErasureRequests.Problem(body) is { } problem)
        {
            return ErasureProblems.BadRequest(problem);
        }
        var request = ErasureRequests.From(body);
        var record = await service.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        return Results.Ok(ErasureView.Of(record));
    }

    private static async Task<IResult> ListAsync(
        IErasureService service, ErasureState? state, ErasureVerdict? verdict, AccountId? accountId, DateTimeOffset? from, DateTimeOffset? to,
        string? after, int? limit, CancellationToken cancellationToken)
    {
        var filter = new ErasureListFilter(state, verdict, accountId, from, to, limit ?? ErasureListFilter.DefaultLimit);
        if (filter.Problem() is { } problem)
        {
            return ErasureProblems.BadRequest(problem);
        }
        var cursor = after is null ? null : ErasureListFilter.ParseCursor(after);
        if (after is not null && cursor is null)
        {
            return ErasureProblems.BadRequest("'after' is not a cursor this API returned.");
        }
        return Results.Ok(await filter.PageAsync(service, cursor, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> GetAsync(string requestId, IErasureService service, IErasureLedgerStore store, CancellationToken cancellationToken)
    {
        if (await service.GetAsync(requestId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return NotFound(requestId);
        }
        var entries = await store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new ErasureDetail(ErasureView.Of(record), [.. entries.Select(e => new TimelineEntry(e.Sequence, e.Kind, e.RecordedAt))]));
    }

    private static async Task<IResult> ReceiptAsync(string requestId, IErasureService service, CancellationToken cancellationToken) =>
        Results.Text(await service.ExportReceiptJsonAsync(requestId, cancellationToken).ConfigureAwait(false), "application/json");

    private static async Task<IResult> EvidenceAsync(string requestId, IErasureService service, CancellationToken cancellationToken) =>
        Results.Text((await service.ExportReceiptEvidenceAsync(requestId, cancellationToken).ConfigureAwait(false)).ToJson(), "application/json");

    private static async Task<IResult> ExtendAsync(string requestId, ExtendDeadlineBody body, IErasureService service, CancellationToken cancellationToken)
    {
        if (body.DueAt is not { } dueAt || ErasureRequests.ReasonOf(body.Reason) is not { } reason)
        {
            return ErasureProblems.BadRequest("An extension needs 'dueAt' and a 'reason' of complexity, number-of-requests or other.");
        }
        var record = await service.ExtendDeadlineAsync(requestId, dueAt, reason, body.Text, cancellationToken).ConfigureAwait(false);
        return Results.Ok(ErasureView.Of(record));
    }

    private static async Task<IResult> DecideAsync(string requestId, DecideReconciliationBody body, HttpContext context, IErasureService service, CancellationToken cancellationToken)
    {
        if ((body.OperationId is null) == (body.NoneMatches != true))
        {
            return ErasureProblems.BadRequest("Give either 'operationId' (the candidate that is the request) or 'noneMatches': true.");
        }
        if (context.User.Identity?.Name is not { Length: > 0 } decidedBy)
        {
            return ErasureProblems.BadRequest("The decision needs a signed-in user with a name: it is recorded with who decided.");
        }
        await service.ResolveReconciliationAsync(requestId, body.OperationId, decidedBy, cancellationToken).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> PendingAsync(IErasureService service, CancellationToken cancellationToken) =>
        Results.Ok(await service.ListPendingReconciliationsAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> LateAsync(IErasureService service, CancellationToken cancellationToken)
    {
        var check = await service.CheckDeadlinesAsync(cancellationToken).ConfigureAwait(false);
        var late = check.Overdue.Select(r => new LateErasure(ErasureView.Of(r.Erasure), r.DueAt, r.ProjectedEndAt, true))
            .Concat(check.AtRisk.Select(r => new LateErasure(ErasureView.Of(r.Erasure), r.DueAt, r.ProjectedEndAt, false)))
            .OrderBy(r => r.DueAt).ToList();
        return Results.Ok(late);
    }

    private static IResult CsvAsync(DateTimeOffset? from, DateTimeOffset? to, IErasureService service)
    {
        if (from is not { } start || to is not { } end || end <= start)
        {
            return ErasureProblems.BadRequest("The CSV needs 'from' and a later 'to'.");
        }
        return Results.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream);
            await service.ExportCsvAsync(start, end, writer).ConfigureAwait(false);
        }, "text/csv");
    }

    private static async Task<IResult> VerifyAsync(IErasureService service, CancellationToken cancellationToken) =>
        Results.Ok(await service.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> DigestAsync(IErasureService service, CancellationToken cancellationToken) =>
        Results.Text((await service.IssueDigestAsync(cancellationToken).ConfigureAwait(false)).ToJson(), "application/json");

    private static async Task<IResult> VerifyDigestAsync(HttpRequest request, IErasureService service, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        LedgerDigest digest;
        try
        {
            digest = LedgerDigest.Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (FormatException e)
        {
            return ErasureProblems.BadRequest("The body is not a ledger digest: " + e.Message);
        }
        return Results.Ok(await service.VerifyDigestAsync(digest, cancellationToken).ConfigureAwait(false));
    }

    private static IResult NotFound(string requestId) =>
        Results.Problem($"No erasure has request ID '{requestId}'.", statusCode: StatusCodes.Status404NotFound, title: "No such erasure");

    private static async ValueTask<object?> ProblemsFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (ErasureProblems.Of(exception) is { } problem)
        {
            return problem;
        }
    }
}
