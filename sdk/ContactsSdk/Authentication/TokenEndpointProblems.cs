using System;

namespace ContactsSdk.Authentication;

/// <summary>
/// Messages for answers that show the token endpoint address is wrong rather than the credentials:
/// a 404 without an OAuth error, or an HTML page (a proxy, a portal, a web server at that address).
/// Such a message points at the endpoint setting and never suggests checking the secret.
/// </summary>
internal static class TokenEndpointProblems
{
    public static string NotFound(ContactsClientOptions options) =>
        $"The token endpoint {Endpoint(options)} does not exist (HTTP 404). Check Subdomain (or the auth endpoint override): it is not a Marketing Cloud auth host.";

    public static string HtmlRefusal(int status, ContactsClientOptions options) =>
        $"The token endpoint {Endpoint(options)} answered HTTP {status} with an HTML page, not an OAuth error. Check Subdomain (or the auth endpoint override): the address does not reach a Marketing Cloud auth host.";

    public static string HtmlAnswer(ContactsClientOptions options) =>
        $"The token endpoint {Endpoint(options)} answered with an HTML page instead of a token. Check Subdomain (or the auth endpoint override): the address does not reach a Marketing Cloud auth host.";

    public static string NotJsonAnswer(ContactsClientOptions options) =>
        $"The token endpoint {Endpoint(options)} answered with a body that is not a JSON object.";

    /// <summary>Whether the body is an HTML (or XML) page: its first non-blank character is '&lt;'.</summary>
    public static bool LooksLikeHtml(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue; // whitespace and a UTF-8 byte order mark
            }
            return b == (byte)'<';
        }
        return false;
    }

    private static string Endpoint(ContactsClientOptions options) => new Uri(options.AuthBaseAddress, "v2/token").GetLeftPart(UriPartial.Path);
}
