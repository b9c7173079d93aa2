using System;

namespace ContactsSdk.Erasure;

/// <summary>
/// The PostgreSQL ledger (<see cref="ErasureOptions.PostgreSql"/>; configuration <c>PostgreSQL:ConnectionString</c>),
/// for several workers sharing the erasures: the ledger and Quartz's job store, clustered, in one database.
/// </summary>
/// <remarks>
/// Clustering is not a choice: every worker configured with the same connection string shares the
/// triggers, and unclustered schedulers on one job store would each fire them.
/// </remarks>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// The database (Npgsql syntax, for example <c>Host=db;Port=5432;Username=erasure;Password=…;Database=erasure</c>);
    /// null when PostgreSQL is not the store. The ledger's and Quartz's tables are created on start when missing.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How often each worker checks in with the cluster; null for Quartz's default (7.5 s). Together with
    /// <see cref="CheckinMisfireThreshold"/> it bounds how soon a dead worker's erasures are taken over.
    /// </summary>
    public TimeSpan? CheckinInterval { get; set; }

    /// <summary>How late a worker's check-in may be before the others take its erasures over; null for Quartz's default (7.5 s).</summary>
    public TimeSpan? CheckinMisfireThreshold { get; set; }
}
