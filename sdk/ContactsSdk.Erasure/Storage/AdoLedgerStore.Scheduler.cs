using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

public abstract partial class AdoLedgerStore
{
    // Quartz's table, not the ledger's: the erasure worker keeps its job store in the ledger's database
    // (UseSqlite / UsePostgres configure both), so the store can read a node's check-in for health checks.
    // Quartz stores the check-in time in UTC ticks and the interval in milliseconds.
    private const string SelectSchedulerCheckIn =
        "SELECT last_checkin_time, checkin_interval FROM qrtz_scheduler_state WHERE sched_name = @scheduler AND instance_name = @instance";

    /// <summary>
    /// The last check-in of one node of a clustered Quartz scheduler whose job store lives in the ledger's
    /// database; null when the node has no row (not checked in yet, or declared dead by the others).
    /// </summary>
    /// <exception cref="ErasureLedgerException">The database cannot be read, or holds no Quartz tables.</exception>
    public Task<SchedulerCheckIn?> ReadSchedulerCheckInAsync(string schedulerName, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(schedulerName);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return ReadAsync("read the scheduler's check-in", async connection =>
        {
            using var select = Command(connection, null, SelectSchedulerCheckIn);
            Add(select, "scheduler", schedulerName);
            Add(select, "instance", instanceId);
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            return new SchedulerCheckIn
            {
                LastCheckIn = new DateTimeOffset(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), TimeSpan.Zero),
                Interval = TimeSpan.FromMilliseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)),
            };
        }, cancellationToken);
    }
}
