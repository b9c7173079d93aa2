namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>The search by request ID: a GET form (request IDs may appear in URLs) that leads to the erasure's page.</summary>
internal static class SearchForm
{
    public const string Field = "requestId";

    public static void Render(Html page, DashboardLinks links, string? requestId)
    {
        page.Add($"<section id=\"search\"><h2>Find an erasure</h2><form class=\"inline\" method=\"get\" action=\"{links.Search}\">");
        page.Add($"<input type=\"text\" name=\"{Field}\" aria-label=\"Request ID\" placeholder=\"Request ID\" required value=\"{requestId}\">");
        page.Add($"<button type=\"submit\">Find</button></form></section>");
    }
}
