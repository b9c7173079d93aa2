using System;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// The service's own settings: <c>MarketingCloud:*</c> (subdomain, client ID and secret, MID) for a tenant, or
/// none for the embedded emulator; <c>Erasure:ApiKeys</c> (the keys a privacy-request tool sends in
/// <c>X-Api-Key</c>) and <c>Erasure:KeyDirectory</c> (where the key files are; default beside the SQLite
/// ledger, or the working directory). The workflow's own options (<c>Erasure:Sqlite:Path</c> or
/// <c>Erasure:PostgreSQL:ConnectionString</c>, intervals, limits) are bound by <c>AddContactsErasure</c>.
/// </summary>
internal sealed record ServiceSettings(string? Subdomain, string? ClientId, string? ClientSecret, AccountId? AccountId, string KeyDirectory, string[] ApiKeys)
{
    /// <summary>The key a development run accepts when none is configured (documented as development-only).</summary>
    public const string DevelopmentApiKey = "development-only-key";

    /// <summary>The SQLite ledger when no store is configured, in the working directory.</summary>
    public const string DefaultLedgerFile = "erasures.db";

    public bool UsesEmulator => string.IsNullOrWhiteSpace(ClientId);

    /// <exception cref="InvalidOperationException">A setting of an earlier version is set: it would be ignored.</exception>
    public static ServiceSettings Read(IConfiguration configuration)
    {
        var cloud = configuration.GetSection("MarketingCloud");
        var erasure = configuration.GetSection("Erasure");
        RefuseRenamed(erasure, "Ledger", "Erasure:Sqlite:Path");
        RefuseRenamed(erasure, "PostgreSQL", "Erasure:PostgreSQL:ConnectionString");
        var ledger = Path.GetFullPath(erasure["Sqlite:Path"] ?? DefaultLedgerFile);
        return new ServiceSettings(
            cloud["Subdomain"], cloud["ClientId"], cloud["ClientSecret"], ReadAccountId(cloud["AccountId"]),
            erasure["KeyDirectory"] ?? Path.GetDirectoryName(ledger)!,
            erasure.GetSection("ApiKeys").Get<string[]>() ?? []);
    }

    /// <summary>
    /// A store setting of the earlier spelling would be silently skipped by the binder, and the service
    /// would start on another ledger: refused instead, naming the new setting.
    /// </summary>
    private static void RefuseRenamed(IConfigurationSection erasure, string oldKey, string newKey)
    {
        if (erasure[oldKey] is not null)
        {
            throw new InvalidOperationException($"The setting Erasure:{oldKey} is now {newKey}: rename it (nothing was started).");
        }
    }

    // Absent or blank: the package's default business unit. Anything else must be a MID, or the service
    // does not start (AccountId.Parse's message quotes the value).
    private static AccountId? ReadAccountId(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : ContactsSdk.AccountId.Parse(text.Trim());
}
