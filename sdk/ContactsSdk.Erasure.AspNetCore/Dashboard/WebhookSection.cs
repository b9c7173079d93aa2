using ContactsSdk.Erasure.Webhooks;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>The "Webhook deliveries" section: per endpoint, what waits, what failed for good, the last success and error.</summary>
internal static class WebhookSection
{
    public static void Render(Html page, WebhookDeliveryReport? report)
    {
        page.Add($"<section id=\"webhooks\"><h2>Webhook deliveries</h2>");
        if (report is null)
        {
            page.Add($"<p class=\"hint\">No webhook endpoints are registered.</p></section>");
            return;
        }
        page.Add($"<p class=\"hint\">Read at {report.CheckedAt}; {report.EventsAwaitingDispatch} event(s) not yet dispatched to the endpoints.</p>");
        if (report.Endpoints.Count == 0)
        {
            page.Add($"<p class=\"hint\">No webhook endpoints are registered.</p></section>");
            return;
        }
        page.Add($"<table><thead><tr><th>Endpoint</th><th>Pending</th><th>Failed</th><th>Oldest pending</th><th>Last success</th><th>Last error</th></tr></thead><tbody>");
        foreach (var endpoint in report.Endpoints)
        {
            var css = endpoint.Failed > 0 ? "overdue" : endpoint.Pending > 0 ? "at-risk" : "ok";
            page.Add($"<tr class=\"{css}\"><td data-label=\"Endpoint\">{endpoint.Name}{(endpoint.Registered ? string.Empty : " (no longer registered)")}</td>");
            page.Add($"<td data-label=\"Pending\">{endpoint.Pending}</td><td data-label=\"Failed\">{endpoint.Failed}</td>");
            page.Add($"<td data-label=\"Oldest pending\">{endpoint.OldestPendingAt}</td><td data-label=\"Last success\">{endpoint.LastSuccessAt}</td>");
            page.Add($"<td data-label=\"Last error\">{(endpoint.LastError is { } error ? $"{error} ({Html.Time(endpoint.LastErrorAt!.Value)})" : "—")}</td></tr>");
        }
        page.Add($"</tbody></table></section>");
    }
}
