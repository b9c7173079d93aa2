using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContactsSdk.Testing.Auth;

/// <summary>
/// A client-credentials token request: <c>{"grant_type","client_id","client_secret","account_id"?,"scope"?}</c>.
/// OAuth parameter names are case-sensitive, so unlike the Contacts bodies they are matched exactly.
/// </summary>
internal sealed class TokenRequest
{
    public const string ClientCredentialsGrant = "client_credentials";

    private TokenRequest(JsonElement body) => Body = body;

    private JsonElement Body { get; }

    public static TokenRequest From(JsonElement body) => new(body);

    /// <summary>The requested scope string, or null when the request names none.</summary>
    public string? RequestedScope => GetString("scope");

    /// <summary>
    /// Why the request is refused, or null when the credentials are right. The reason is safe to
    /// return and to log: it never repeats the secret that was sent.
    /// </summary>
    public string? Refusal(EmulatorCredentials expected)
    {
        if (GetString("grant_type") != ClientCredentialsGrant)
        {
            return "grant_type must be client_credentials.";
        }

        // Compare both in constant time, and do not tell which of the two was wrong.
        var idMatches = GetString("client_id") is { } clientId && FixedTimeEquals(clientId, expected.ClientId);
        var secretMatches = GetString("client_secret") is { } secret && FixedTimeEquals(secret, expected.ClientSecret);
        if (!(idMatches & secretMatches))
        {
            return "The client ID or secret is not valid.";
        }

        if (Body.TryGetProperty("account_id", out var accountId) && !IsAccount(accountId, expected.AccountId))
        {
            return "The account_id is not a business unit this client can access.";
        }

        if (Body.TryGetProperty("scope", out var scope) && scope.ValueKind != JsonValueKind.String)
        {
            return "scope must be a space-separated string.";
        }

        return null;
    }

    private string? GetString(string name) =>
        Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Marketing Cloud documents the MID as a string; clients that send a number are accepted too.
    private static bool IsAccount(JsonElement value, long accountId) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() == accountId.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.TryGetInt64(out var number) && number == accountId,
        _ => false,
    };

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
