using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Auth;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Json;

/// <summary>Bodies of the token route: a token, or an OAuth-style error.</summary>
internal static class TokenResponses
{
    public const string InvalidClient = "invalid_client";
    public const string InvalidRequest = "invalid_request";

    private const string ErrorUri =
        "https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/access-token-s2s.html";

    public static Task WriteTokenAsync(HttpContext context, IssuedToken token, TimeSpan lifetime, Uri baseAddress) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            var baseUrl = baseAddress.ToString();
            writer.WriteStartObject();
            writer.WriteString("access_token", token.Value);
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("expires_in", (long)lifetime.TotalSeconds);
            writer.WriteString("scope", Scopes.Format(token.Scopes));
            // One loopback address plays every host of the tenant.
            writer.WriteString("rest_instance_url", baseUrl);
            writer.WriteString("soap_instance_url", baseUrl);
            writer.WriteEndObject();
        });

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string error, string description) =>
        JsonResponse.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
            writer.WriteString("error_uri", ErrorUri);
            writer.WriteEndObject();
        });
}
