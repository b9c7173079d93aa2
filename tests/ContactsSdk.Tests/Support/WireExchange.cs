using System;

namespace ContactsSdk.Tests.Support;

/// <summary>One request as it left the client and what came back, recorded below every SDK and Kiota handler.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The request URI.</param>
/// <param name="Authorization">The Authorization header as sent, or null when none was sent.</param>
/// <param name="RequestBody">The request body, or null.</param>
/// <param name="Status">The response status, or null when no response arrived.</param>
/// <param name="ResponseBody">The response body as received (after any injected rewrite), or null.</param>
/// <param name="Error">What the transport threw instead of a response, or null.</param>
internal sealed record WireExchange(
    string Method,
    Uri Uri,
    string? Authorization,
    string? RequestBody,
    int? Status,
    string? ResponseBody,
    Exception? Error)
{
    public bool IsDelete => Method == "POST" && Uri.AbsolutePath.EndsWith("/actions/delete", StringComparison.Ordinal);

    public bool IsStatus => Method == "GET" && Uri.AbsolutePath.EndsWith("/actions/delete/status", StringComparison.Ordinal);
}
