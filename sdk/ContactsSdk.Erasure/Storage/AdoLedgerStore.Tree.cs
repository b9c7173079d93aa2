using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

// The ledger-wide tree's half of the store: its size and its leaves in order.
public abstract partial class AdoLedgerStore
{
    /// <inheritdoc />
    public Task<long> ReadTreeSizeAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("read the ledger's tree", async connection =>
        {
            using var select = Command(connection, null, _sql.SelectTreeSize);
            var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? 0L : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEntry>> ReadLeavesAsync(long from, long to, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<LedgerEntry>>("read the ledger's tree", async connection =>
        {
            using var select = Command(connection, null, _sql.SelectLeaves);
            Add(select, "from", from);
            Add(select, "to", to);
            Add(select, "limit", (long)limit);
            return await ReadAllAsync(select, ReadEntry, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }
}
