using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>
/// One erasure: its facts, its deadline, its timeline (each entry's kind and time; payloads stay in the
/// ledger) and, once closed, its receipt (which holds no personal data in clear).
/// </summary>
internal static class ErasurePage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Render(Html page, ErasureRecord erasure, DeadlineSummary? deadline, IReadOnlyList<LedgerEntry> timeline, string? receiptJson)
    {
        page.Add($"<section id=\"facts\"><h2>Erasure</h2><table><tbody>");
        Row(page, "Request ID", erasure.RequestId);
        Row(page, "Erasure ID", erasure.ErasureId.ToString());
        Row(page, "State", erasure.State.ToString());
        Row(page, "Verdict", erasure.Verdict?.ToString() ?? "none yet");
        Row(page, "Subjects", $"{erasure.SubjectCount} ({erasure.SubjectKind})");
        Row(page, "MID", erasure.AccountId?.ToString() ?? "the client's");
        Row(page, "Operation ID", erasure.OperationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not accepted yet");
        Row(page, "Submitted", Html.Time(erasure.SubmittedAt));
        Row(page, "Last entry", Html.Time(erasure.UpdatedAt));
        Row(page, "Concluded", erasure.ConcludedAt is { } concluded ? Html.Time(concluded) : "not yet");
        page.Add($"</tbody></table></section>");

        RenderDeadline(page, deadline);
        RenderTimeline(page, timeline);
        RenderReceipt(page, receiptJson);
    }

    private static void RenderDeadline(Html page, DeadlineSummary? deadline)
    {
        page.Add($"<section id=\"deadline\"><h2>Deadline</h2>");
        if (deadline is null)
        {
            page.Add($"<p>This erasure was recorded without a legal deadline.</p></section>");
            return;
        }
        page.Add($"<table><tbody>");
        Row(page, "Regime", deadline.CustomDays is { } days ? $"{deadline.Regime} ({days} days)" : deadline.Regime.ToString());
        Row(page, "Request received", Html.Time(deadline.ReceivedAt));
        Row(page, "Due", Html.Time(deadline.DueAt));
        Row(page, "Originally due", Html.Time(deadline.OriginalDueAt));
        Row(page, "Latest permitted extension", deadline.LatestPermittedDueAt is { } latest ? Html.Time(latest) : "none (custom deadline)");
        Row(page, "Extensions", deadline.Extensions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(page, "Deadline met", deadline.Met switch { true => "yes", false => "no", null => "not decided yet" });
        page.Add($"</tbody></table></section>");
    }

    private static void RenderTimeline(Html page, IReadOnlyList<LedgerEntry> timeline)
    {
        page.Add($"<section id=\"timeline\"><h2>Timeline</h2><table><thead><tr><th>#</th><th>Entry</th><th>Recorded</th></tr></thead><tbody>");
        foreach (var entry in timeline)
        {
            page.Add($"<tr><td data-label=\"#\">{entry.Sequence}</td><td data-label=\"Entry\">{entry.Kind}</td><td data-label=\"Recorded\">{entry.RecordedAt}</td></tr>");
        }
        page.Add($"</tbody></table></section>");
    }

    private static void RenderReceipt(Html page, string? receiptJson)
    {
        page.Add($"<section id=\"receipt\"><h2>Receipt</h2>");
        if (receiptJson is null)
        {
            page.Add($"<p>The receipt is written when the erasure closes.</p></section>");
            return;
        }
        // Indented for reading; the API's receipt endpoint serves the exact bytes the ledger holds.
        var readable = JsonNode.Parse(receiptJson)?.ToJsonString(Indented) ?? receiptJson;
        page.Add($"<pre>{readable}</pre></section>");
    }

    private static void Row(Html page, string name, string value) =>
        page.Add($"<tr><th scope=\"row\">{name}</th><td>{value}</td></tr>");
}
