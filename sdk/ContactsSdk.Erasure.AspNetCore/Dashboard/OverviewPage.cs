using System;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.AspNetCore.Antiforgery;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>The dashboard's first page: late erasures first, then the search, the counts, the newest erasures, the ledger's last verification and the webhook deliveries.</summary>
internal static class OverviewPage
{
    public static void Render(
        Html page, DashboardLinks links, DeadlineCheck deadlines, IReadOnlyList<PendingReconciliation> pending, ErasureCensus census, LastLedgerVerification? verification, AntiforgeryTokenSet form,
        WebhookDeliveryReport? webhooks)
    {
        RenderLate(page, links, deadlines);
        RenderPendingReconciliations(page, links, pending, form);
        SearchForm.Render(page, links, requestId: null);
        RenderCounts(page, census);
        RenderRecent(page, links, census);
        RenderVerification(page, links, verification, form);
        WebhookSection.Render(page, webhooks);
    }

    private static void RenderLate(Html page, DashboardLinks links, DeadlineCheck deadlines)
    {
        page.Add($"<section id=\"late\"><h2>Overdue and at risk</h2>");
        page.Add($"<p class=\"hint\">{deadlines.Checked} active erasures with a due date checked at {deadlines.CheckedAt}.</p>");
        if (deadlines.Overdue.Count + deadlines.AtRisk.Count == 0)
        {
            page.Add($"<p class=\"ok\">No active erasure is overdue or projected to miss its deadline.</p></section>");
            return;
        }
        page.Add($"<table><thead><tr><th>Request ID</th><th>Deadline</th><th>State</th><th>Due</th><th>Projected end</th></tr></thead><tbody>");
        var late = deadlines.Overdue.Select(r => (Risk: r, Overdue: true)).Concat(deadlines.AtRisk.Select(r => (Risk: r, Overdue: false)));
        foreach (var (risk, overdue) in late)
        {
            var (css, label) = overdue ? ("overdue", "Overdue") : ("at-risk", "At risk");
            page.Add($"<tr class=\"{css}\"><td data-label=\"Request ID\"><a href=\"{links.Erasure(risk.Erasure.RequestId)}\">{risk.Erasure.RequestId}</a></td>");
            page.Add($"<td data-label=\"Deadline\">{label}</td><td data-label=\"State\">{risk.Erasure.State}</td>");
            page.Add($"<td data-label=\"Due\">{risk.DueAt}</td><td data-label=\"Projected end\">{risk.ProjectedEndAt}</td></tr>");
        }
        page.Add($"</tbody></table></section>");
    }

    /// <summary>Each shared request waiting for a person, with a form to name its operation among the candidates, or none.</summary>
    private static void RenderPendingReconciliations(Html page, DashboardLinks links, IReadOnlyList<PendingReconciliation> pending, AntiforgeryTokenSet form)
    {
        page.Add($"<section id=\"reconciliations\"><h2>Reconciliations waiting for a decision</h2>");
        if (pending.Count == 0)
        {
            page.Add($"<p class=\"ok\">No delete request of unknown outcome waits for a decision.</p></section>");
            return;
        }
        page.Add($"<p class=\"hint\">Several requests Marketing Cloud received match each of these; compare them on the analytics route, then name the right operation. Choosing none sends the erasures again.</p>");
        foreach (var waiting in pending)
        {
            page.Add($"<form method=\"post\" action=\"{links.Decide(waiting.RequestId)}\" class=\"decision\">");
            Antiforgery.Field(page, form);
            page.Add($"<p><a href=\"{links.Erasure(waiting.RequestId)}\">{waiting.RequestId}</a>: {waiting.Members.Count} erasures, {waiting.ContactCount} contacts, waiting since <time>{waiting.Since}</time>.</p>");
            page.Add($"<fieldset><legend>Which operation is it?</legend>");
            foreach (var candidate in waiting.CandidateOperationIds)
            {
                page.Add($"<label><input type=\"radio\" name=\"operation\" value=\"{candidate}\" required> Operation {candidate}</label>");
            }
            page.Add($"<label><input type=\"radio\" name=\"operation\" value=\"none\"> None of them (send again)</label></fieldset>");
            page.Add($"<button type=\"submit\">Record the decision</button></form>");
        }
        page.Add($"</section>");
    }

    private static void RenderCounts(Html page, ErasureCensus census)
    {
        page.Add($"<section id=\"counts\"><h2>Erasures by state</h2><dl class=\"counts\">");
        foreach (var (state, count) in census.ByState)
        {
            page.Add($"<div><dt>{state}</dt><dd>{count}</dd></div>");
        }
        page.Add($"<div><dt>All</dt><dd>{census.Total}</dd></div></dl></section>");
    }

    private static void RenderRecent(Html page, DashboardLinks links, ErasureCensus census)
    {
        page.Add($"<section id=\"recent\"><h2>Newest erasures</h2>");
        if (census.Recent.Count == 0)
        {
            page.Add($"<p>The ledger holds no erasure yet.</p></section>");
            return;
        }
        page.Add($"<table><thead><tr><th>Request ID</th><th>State</th><th>Verdict</th><th>Subjects</th><th>Submitted</th><th>Due</th></tr></thead><tbody>");
        foreach (var erasure in census.Recent)
        {
            page.Add($"<tr><td data-label=\"Request ID\"><a href=\"{links.Erasure(erasure.RequestId)}\">{erasure.RequestId}</a></td>");
            page.Add($"<td data-label=\"State\">{erasure.State}</td><td data-label=\"Verdict\">{erasure.Verdict?.ToString() ?? "—"}</td>");
            page.Add($"<td data-label=\"Subjects\">{erasure.SubjectCount} {erasure.SubjectKind}</td>");
            page.Add($"<td data-label=\"Submitted\">{erasure.SubmittedAt}</td><td data-label=\"Due\">{erasure.DueAt}</td></tr>");
        }
        page.Add($"</tbody></table></section>");
    }

    private static void RenderVerification(Html page, DashboardLinks links, LastLedgerVerification? last, AntiforgeryTokenSet form)
    {
        page.Add($"<section id=\"verification\"><h2>Ledger verification</h2>");
        if (last is null)
        {
            page.Add($"<p>Not verified from this dashboard since the service started.</p>");
        }
        else
        {
            var result = last.Result;
            page.Add($"<p>Last verified at <time>{last.FinishedAt}</time>: {result.ErasuresChecked} erasures, {result.EntriesChecked} entries checked.</p>");
            if (result.IsIntact)
            {
                page.Add($"<p class=\"ok\">Intact: every chain, row and tree position matches.</p>");
            }
            else
            {
                page.Add($"<p class=\"overdue\">{result.Problems.Count} problems found:</p><ul>");
                foreach (var problem in result.Problems)
                {
                    page.Add($"<li>{problem}</li>");
                }
                page.Add($"</ul>");
            }
        }
        page.Add($"<form method=\"post\" action=\"{links.Verify}\">");
        Antiforgery.Field(page, form);
        page.Add($"<button type=\"submit\">Verify the ledger now</button></form></section>");
    }
}
