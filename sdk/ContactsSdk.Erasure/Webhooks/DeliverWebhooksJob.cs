using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// "Deliver webhooks", every <see cref="ErasureWebhookOptions.DeliveryInterval"/>: one recurring trigger
/// in the workers' scheduler, run by one worker at a time (and the outbox's leases keep two nodes from
/// sending the same delivery even if they overlapped).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DeliverWebhooksJob : IJob
{
    public static readonly JobKey Key = new("deliver", "contactssdk-erasure-webhooks");

    private readonly WebhookDispatcher _dispatcher;
    private readonly ILogger<DeliverWebhooksJob> _logger;

    public DeliverWebhooksJob(WebhookDispatcher dispatcher, ILogger<DeliverWebhooksJob> logger)
    {
        _dispatcher = dispatcher;
        _logger = logger;
    }

    /// <summary>Stores the recurring trigger (replacing the one stored before, so a changed interval takes effect).</summary>
    public static async Task StoreAsync(ISchedulerFactory schedulers, TimeSpan interval, CancellationToken cancellationToken) =>
        await RecurringJobs.StoreAsync<DeliverWebhooksJob>(await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false), Key, interval, firstAfter: TimeSpan.Zero, cancellationToken).ConfigureAwait(false);

    /// <summary>Removes the job and its trigger (webhooks no longer registered); nothing when there is none.</summary>
    public static async Task RemoveAsync(ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(Key, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await _dispatcher.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The outbox keeps everything: the next run carries on where this one stopped.
            // A ledger failure's message names the database, never data; other messages are left out.
            _logger.LogWarning("Webhook delivery stopped ({Kind}{Detail}); the next run carries on.",
                ex.GetType().Name, ex is Storage.ErasureLedgerException ? ": " + ex.Message : string.Empty);
        }
    }
}
