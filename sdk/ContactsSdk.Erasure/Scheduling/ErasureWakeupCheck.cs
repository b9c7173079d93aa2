using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// Gives every active erasure without a wake-up one, due now: the check a worker runs at start and
/// then every <see cref="ErasureOptions.WakeupCheckInterval"/> (<see cref="CheckWakeupsJob"/>). A
/// wake-up can go missing when a process dies between recording an erasure and scheduling it, or
/// when a write to Quartz's store fails; the check bounds the delay either costs. Pages through the
/// ledger, so memory does not grow with the number of erasures.
/// </summary>
internal sealed class ErasureWakeupCheck
{
    private const int PageSize = 500;

    private readonly IErasureLedgerStore _store;
    private readonly ErasureWakeups _wakeups;
    private readonly TimeProvider _time;
    private readonly ILogger<ErasureWakeupCheck> _logger;

    public ErasureWakeupCheck(IErasureLedgerStore store, ErasureWakeups wakeups, TimeProvider time, ILogger<ErasureWakeupCheck> logger)
    {
        _store = store;
        _wakeups = wakeups;
        _time = time;
        _logger = logger;
    }

    /// <summary>Restores the missing wake-ups; returns how many it restored.</summary>
    public async Task<int> RestoreMissingAsync(CancellationToken cancellationToken)
    {
        var restored = 0;
        // Read before the ledger: an erasure recorded after this read has its first wake-up stored by its
        // submission; if the check sees it without one here, it only gets an early look, which is harmless.
        var withWakeup = await _wakeups.ErasuresWithWakeupAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var record in _store.ReadAllAsync(new ErasureListQuery { ActiveOnly = true, PageSize = PageSize }, cancellationToken).ConfigureAwait(false))
        {
            if (!withWakeup.Contains(record.ErasureId) && !await _wakeups.HasWakeupAsync(record.ErasureId, cancellationToken).ConfigureAwait(false))
            {
                // A step that ends between the read and this write finds the erasure closed and stops: harmless.
                await _wakeups.ScheduleAsync(record.ErasureId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                restored++;
            }
        }
        if (restored > 0)
        {
            _logger.LogWarning("{Count} active erasures had no wake-up; they were scheduled now.", restored);
            ErasureMetrics.CountWakeupsRestored(restored);
        }
        return restored;
    }
}
