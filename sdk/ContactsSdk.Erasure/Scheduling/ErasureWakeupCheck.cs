using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Workflow;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// The check a worker runs at start and then every <see cref="ErasureOptions.WakeupCheckInterval"/>
/// (<see cref="CheckWakeupsJob"/>): gives every active erasure without a wake-up one, due now, and
/// brings the look of the erasure next in line to send forward when it is far off. A wake-up can go
/// missing when a process dies between recording an erasure and scheduling it, or when a write to
/// Quartz's store fails; a hand-over of the send slot can be lost when a worker dies between freeing the
/// slot and waking the next. The check bounds the delay each costs. Pages through the ledger, so
/// memory does not grow with the number of erasures.
/// </summary>
internal sealed class ErasureWakeupCheck
{
    private const int PageSize = 500;

    private readonly IErasureLedgerStore _store;
    private readonly ErasureWakeups _wakeups;
    private readonly ErasureOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ErasureWakeupCheck> _logger;

    public ErasureWakeupCheck(IErasureLedgerStore store, ErasureWakeups wakeups, ErasureOptions options, TimeProvider time, ILogger<ErasureWakeupCheck> logger)
    {
        _store = store;
        _wakeups = wakeups;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Both checks: the missing wake-ups, then the send queue's head.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await RestoreMissingAsync(cancellationToken).ConfigureAwait(false);
        await BringSendQueueHeadForwardAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Restores the missing wake-ups, and counts them.</summary>
    private async Task RestoreMissingAsync(CancellationToken cancellationToken)
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
    }

    /// <summary>
    /// Brings the look of the erasure next in line to send (<see cref="SendQueue.NextSenderAsync"/>)
    /// forward to now when it is later than any look the head schedules for itself. Its stored look was
    /// spaced by the place it had when it last looked, far back maybe; the request before it normally
    /// wakes it, and this covers that wake-up being lost.
    /// </summary>
    private async Task BringSendQueueHeadForwardAsync(CancellationToken cancellationToken)
    {
        if (await SendQueue.NextSenderAsync(_store, cancellationToken).ConfigureAwait(false) is not { } head)
        {
            return;
        }
        var headsOwnLook = _options.QueueCheckInterval > _options.SendSlotRetryDelay ? _options.QueueCheckInterval : _options.SendSlotRetryDelay;
        if (await _wakeups.TimeToWakeupAsync(head, cancellationToken).ConfigureAwait(false) is { } due && due <= headsOwnLook)
        {
            return;
        }
        // No wake-up at all is the missing case above, restored already unless the erasure was recorded since.
        await _wakeups.ScheduleAsync(head, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("The erasure next in line to send was due later than its own looks; it looks now.");
    }
}
