using System;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// The service's settings: <c>MarketingCloud:*</c> (subdomain, client ID and secret, MID) for a tenant, or
/// none for the embedded emulator; <c>Erasure:Ledger</c> (a SQLite file, default <c>erasures.db</c> in the
/// working directory) or <c>Erasure:PostgreSQL</c> (a connection string); <c>Erasure:ApiKeys</c> (the keys
/// a privacy-request tool sends in <c>X-Api-Key</c>).
/// </summary>
internal sealed record ServiceSettings(string? Subdomain, string? ClientId, string? ClientSecret, AccountId? AccountId, string LedgerPath, string? PostgresConnection, string[] ApiKeys)
{
    /// <summary>The key a development run accepts when none is configured (documented as development-only).</summary>
    public const string DevelopmentApiKey = "development-only-key";

    public bool UsesEmulator => string.IsNullOrWhiteSpace(ClientId);

    public static ServiceSettings Read(IConfiguration configuration)
    {
        var cloud = configuration.GetSection("MarketingCloud");
        var erasure = configuration.GetSection("Erasure");
        return new ServiceSettings(
            cloud["Subdomain"], cloud["ClientId"], cloud["ClientSecret"], ReadAccountId(cloud["AccountId"]),
            Path.GetFullPath(erasure["Ledger"] ?? "erasures.db"),
            erasure["PostgreSQL"],
            erasure.GetSection("ApiKeys").Get<string[]>() ?? []);
    }

    // Absent or blank: the package's default business unit. Anything else must be a MID, or the service
    // does not start (AccountId.Parse's message quotes the value).
    private static AccountId? ReadAccountId(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : ContactsSdk.AccountId.Parse(text.Trim());
}
