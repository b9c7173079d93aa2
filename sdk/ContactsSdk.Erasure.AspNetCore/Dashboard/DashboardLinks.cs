using System;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>The dashboard's URLs for one request: under the host's path base and the prefix it was mapped at.</summary>
internal sealed class DashboardLinks(string root)
{
    public static DashboardLinks For(HttpRequest request, string prefix) =>
        new(request.PathBase.Add(new PathString("/" + prefix.Trim('/'))).Value!.TrimEnd('/'));

    public string Overview => root + "/";

    public string Search => root + "/search";

    public string Submit => root + "/submit";

    public string Verify => root + "/verify";

    /// <summary>Where a person's decision on an erasure's ambiguous reconciliation is posted.</summary>
    public string Decide(string requestId) => root + "/reconciliations/" + Uri.EscapeDataString(requestId);

    /// <summary>One erasure's page; request IDs may appear in URLs (subjects never do).</summary>
    public string Erasure(string requestId) => root + "/requests/" + Uri.EscapeDataString(requestId);
}
