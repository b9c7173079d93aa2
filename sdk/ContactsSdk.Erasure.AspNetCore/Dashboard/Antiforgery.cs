using Microsoft.AspNetCore.Antiforgery;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>The hidden field that carries a form's antiforgery token (checked by every POST of the dashboard).</summary>
internal static class Antiforgery
{
    public static void Field(Html page, AntiforgeryTokenSet tokens) =>
        page.Add($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
}
