using System;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>
/// The "submit an erasure" form: a request ID, contact keys one per line, and optionally when the
/// request was received (UTC) and its deadline. It is POSTed, so contact keys never reach a URL; a
/// rejected form comes back filled in as it was sent, with what is wrong.
/// </summary>
internal sealed record SubmitForm(string RequestId, string ContactKeys, string ReceivedAt, string Deadline)
{
    public static readonly SubmitForm Empty = new("", "", "", "gdpr");

    // What a datetime-local field sends, with or without seconds; read as UTC, as the label says.
    private static readonly string[] ReceivedAtFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static SubmitForm Read(IFormCollection form) =>
        new(form["requestId"].ToString().Trim(), form["contactKeys"].ToString(), form["receivedAt"].ToString().Trim(), form["deadline"].ToString().Trim());

    /// <summary>The API body this form stands for, or what is wrong with it (never quoting a contact key).</summary>
    public (SubmitErasureBody? Body, string? Problem) ToBody()
    {
        var keys = ContactKeys.Split('\n').Select(k => k.Trim()).Where(k => k.Length > 0).ToList();
        if (keys.Count == 0)
        {
            return (null, "Give at least one contact key, one per line.");
        }
        DateTimeOffset? receivedAt = null;
        if (ReceivedAt.Length > 0)
        {
            if (!DateTimeOffset.TryParseExact(ReceivedAt, ReceivedAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, "'Received at' is a date and time such as 2026-01-31T09:30 (UTC).");
            }
            receivedAt = parsed;
        }
        var body = new SubmitErasureBody
        {
            RequestId = RequestId,
            ContactKeys = keys,
            ReceivedAt = receivedAt,
            Deadline = Deadline.Length > 0 ? Deadline : null,
        };
        return ErasureRequests.Problem(body) is { } problem ? (null, problem) : (body, null);
    }

    public void Render(Html page, DashboardLinks links, AntiforgeryTokenSet tokens, string? problem)
    {
        page.Add($"<section id=\"submit\">");
        if (problem is not null)
        {
            page.Add($"<p class=\"error\" role=\"alert\">Not submitted: {problem}</p>");
        }
        page.Add($"<form method=\"post\" action=\"{links.Submit}\">");
        Antiforgery.Field(page, tokens);
        page.Add($"<label for=\"requestId\">Request ID (the ticket; submitting it again is the same erasure)</label>");
        page.Add($"<input type=\"text\" id=\"requestId\" name=\"requestId\" required maxlength=\"200\" value=\"{RequestId}\">");
        page.Add($"<label for=\"contactKeys\">Contact keys, one per line</label>");
        page.Add($"<textarea id=\"contactKeys\" name=\"contactKeys\" rows=\"6\" required autocomplete=\"off\" spellcheck=\"false\">{ContactKeys}</textarea>");
        page.Add($"<label for=\"receivedAt\">Request received at (UTC; now when empty)</label>");
        page.Add($"<input type=\"datetime-local\" id=\"receivedAt\" name=\"receivedAt\" value=\"{ReceivedAt}\">");
        page.Add($"<label for=\"deadline\">Deadline: gdpr, ccpa or a number of days such as 30d</label>");
        page.Add($"<input type=\"text\" id=\"deadline\" name=\"deadline\" value=\"{Deadline}\">");
        page.Add($"<p><button type=\"submit\">Submit the erasure</button></p></form></section>");
    }
}
