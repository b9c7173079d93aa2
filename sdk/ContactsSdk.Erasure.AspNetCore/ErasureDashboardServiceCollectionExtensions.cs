using System;
using ContactsSdk.Erasure.AspNetCore.Dashboard;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the erasure dashboard needs.</summary>
public static class ErasureDashboardServiceCollectionExtensions
{
    /// <summary>Adds antiforgery (every dashboard form carries a token) and the record of the ledger's last verification run from the dashboard.</summary>
    public static IServiceCollection AddContactsErasureDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAntiforgery();
        services.AddSingleton<LedgerVerificationLog>();
        return services;
    }
}
