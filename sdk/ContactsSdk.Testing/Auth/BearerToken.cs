using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ContactsSdk.Testing.Auth;

/// <summary>Reads the access token of a request's <c>Authorization: Bearer …</c> header.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static string? From(HttpRequest request)
    {
        var headers = request.Headers[HeaderNames.Authorization];
        if (headers.Count != 1 || headers[0] is not { } header)
        {
            return null;
        }

        // The scheme is case-insensitive (RFC 9110); the token itself is not.
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
