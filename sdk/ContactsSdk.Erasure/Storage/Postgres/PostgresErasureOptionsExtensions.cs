using System;
using Npgsql;
using Quartz;

namespace ContactsSdk.Erasure.Storage.Postgres;

/// <summary>Chooses the PostgreSQL ledger, for several workers sharing the erasures.</summary>
public static class PostgresErasureOptionsExtensions
{
    /// <summary>
    /// Keeps the ledger in the PostgreSQL database <paramref name="connectionString"/> names (Npgsql
    /// syntax), and runs Quartz's persistent job store in clustered mode in the same database: every
    /// worker process configured with the same connection string shares the erasures, each due step
    /// runs on one of them, and a worker that dies has its erasures taken over by the others. The
    /// ledger and Quartz's tables are created on start when missing.
    /// </summary>
    /// <param name="options">The erasure options.</param>
    /// <param name="connectionString">For example <c>Host=db;Port=5432;Username=erasure;Password=…;Database=erasure</c>.</param>
    /// <param name="configureClustering">
    /// Optional: Quartz's cluster settings (<see cref="ClusteringOptions.CheckinInterval"/>, and
    /// <see cref="ClusteringOptions.CheckinMisfireThreshold"/>, which bounds how soon a dead worker's
    /// erasures are taken over).
    /// </param>
    public static ErasureOptions UsePostgres(this ErasureOptions options, string connectionString, Action<ClusteringOptions>? configureClustering = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Parsed now, so a malformed string fails at configuration rather than at the first job.
        var store = new PostgresLedgerStore(connectionString);
        return options.UseStore(
            _ => store,
            jobStore =>
            {
                jobStore.UsePostgres(NpgsqlFactory.Instance, connectionString);
                jobStore.UseClustering(configureClustering);
            });
    }
}
