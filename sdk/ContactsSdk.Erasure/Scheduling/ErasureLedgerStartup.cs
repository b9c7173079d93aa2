using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// At start: migrates the ledger's schema, stores the recurring deadline check and the recurring
/// delete-requests sweep (or removes the sweep when batched tracking is off), then gives every active erasure without a wake-up one (an erasure
/// recorded by a process that died before scheduling it). Pages through the ledger, so memory does
/// not grow with the number of erasures.
/// </summary>
internal sealed class ErasureLedgerStartup : IHostedService
{
    private const int PageSize = 500;

    private readonly IErasureLedgerStore _store;
    private readonly ErasureWakeups _wakeups;
    private readonly ErasureOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ErasureLedgerStartup> _logger;
    private readonly ISchedulerFactory _schedulers;

    public ErasureLedgerStartup(
        IErasureLedgerStore store, ErasureWakeups wakeups, ErasureOptions options, TimeProvider time, ILogger<ErasureLedgerStartup> logger, ISchedulerFactory schedulers)
    {
        _schedulers = schedulers;
        _store = store;
        _wakeups = wakeups;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await _wakeups.StoreSweepAsync(_options.BatchedTracking ? _options.MaxPollInterval : null, cancellationToken).ConfigureAwait(false);
        await CheckDeadlinesJob.StoreAsync(_schedulers, _options.Deadlines.CheckInterval, cancellationToken).ConfigureAwait(false);
        var rescheduled = 0;
        await foreach (var record in _store.ReadAllAsync(new ErasureListQuery { ActiveOnly = true, PageSize = PageSize }, cancellationToken).ConfigureAwait(false))
        {
            if (!await _wakeups.HasWakeupAsync(record.ErasureId, cancellationToken).ConfigureAwait(false))
            {
                await _wakeups.ScheduleAsync(record.ErasureId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                rescheduled++;
            }
        }
        if (rescheduled > 0)
        {
            _logger.LogWarning("{Count} active erasures had no wake-up; they were scheduled now.", rescheduled);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
