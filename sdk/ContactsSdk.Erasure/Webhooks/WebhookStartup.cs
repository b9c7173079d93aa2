using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>At start: checks that the ledger store keeps an outbox, and stores the delivery job's trigger.</summary>
internal sealed class WebhookStartup : IHostedService
{
    private readonly IErasureLedgerStore _store;
    private readonly ErasureWebhookOptions _options;
    private readonly ISchedulerFactory _schedulers;

    public WebhookStartup(IErasureLedgerStore store, ErasureWebhookOptions options, ISchedulerFactory schedulers)
    {
        _store = store;
        _options = options;
        _schedulers = schedulers;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_store is not AdoLedgerStore { HasWebhookOutbox: true })
        {
            throw new InvalidOperationException("Webhooks need the ledger's outbox: use the SQLite or PostgreSQL ledger store of ContactsSdk.Erasure (UseSqlite, UsePostgres).");
        }
        return DeliverWebhooksJob.StoreAsync(_schedulers, _options.DeliveryInterval, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
