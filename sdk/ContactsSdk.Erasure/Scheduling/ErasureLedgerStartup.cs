using ContactsSdk.Erasure.Evidence;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// At start: migrates the ledger's schema, stores the recurring jobs (the deadline check, the
/// delete-requests sweep, or its removal when batched tracking is off, and the wake-up check; the
/// webhook delivery job's removal when webhooks are no longer registered), then
/// gives every active erasure without a wake-up one (<see cref="ErasureWakeupCheck"/>, the same check
/// the recurring job runs).
/// </summary>
internal sealed class ErasureLedgerStartup : IHostedService
{
    private readonly IErasureLedgerStore _store;
    private readonly ErasureWakeups _wakeups;
    private readonly ErasureWakeupCheck _check;
    private readonly ErasureOptions _options;
    private readonly ISchedulerFactory _schedulers;

    private readonly DigestKeyRing _keys;
    private readonly bool _webhooksRegistered;

    // webhooks: the webhook options when AddContactsErasureWebhooks registered them, otherwise null.
    public ErasureLedgerStartup(
        IErasureLedgerStore store, ErasureWakeups wakeups, ErasureWakeupCheck check, ErasureOptions options, DigestKeyRing keys, ISchedulerFactory schedulers,
        ErasureWebhookOptions? webhooks = null)
    {
        _webhooksRegistered = webhooks is not null;
        _keys = keys;
        _schedulers = schedulers;
        _store = store;
        _wakeups = wakeups;
        _check = check;
        _options = options;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await _wakeups.StoreSweepAsync(_options.BatchedTracking ? _options.MaxPollInterval : null, cancellationToken).ConfigureAwait(false);
        await CheckDeadlinesJob.StoreAsync(_schedulers, _options.Deadlines.CheckInterval, cancellationToken).ConfigureAwait(false);
        await _wakeups.StoreWakeupCheckAsync(_options.WakeupCheckInterval, cancellationToken).ConfigureAwait(false);
        await _wakeups.StoreDigestAsync(_keys.Current is null ? null : _options.DigestInterval, cancellationToken).ConfigureAwait(false);
        if (!_webhooksRegistered)
        {
            // Webhooks registered on an earlier start and no longer: their stored job would find nothing to run it.
            await DeliverWebhooksJob.RemoveAsync(_schedulers, cancellationToken).ConfigureAwait(false);
        }
        await _check.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
