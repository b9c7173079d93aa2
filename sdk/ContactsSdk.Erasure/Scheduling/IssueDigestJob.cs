using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>
/// "Issue a digest", once per <see cref="ErasureOptions.DigestInterval"/>: signs a digest of the whole
/// ledger, writes it to the log and hands it to every <see cref="IErasureDigestSink"/>. One recurring
/// trigger for the ledger: in a cluster it fires on one worker at a time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class IssueDigestJob : IJob
{
    public static readonly JobKey Key = new("issue", "contactssdk-erasure-digest");

    private readonly LedgerAnchor _anchor;
    private readonly IEnumerable<IErasureDigestSink> _sinks;
    private readonly ILogger<IssueDigestJob> _logger;

    public IssueDigestJob(LedgerAnchor anchor, IEnumerable<IErasureDigestSink> sinks, ILogger<IssueDigestJob> logger)
    {
        _anchor = anchor;
        _sinks = sinks;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        LedgerDigest digest;
        try
        {
            digest = await _anchor.IssueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A hole in the ledger is worth an operator's attention; the next interval tries again.
            _logger.LogError("No ledger digest was issued: {Reason}", ex is InvalidOperationException ? ex.Message : ex.GetType().Name);
            return;
        }
        // The digest holds counts, hashes and a signature only: safe to log, and the log is one more copy outside the database.
        _logger.LogInformation("Ledger digest issued: {TreeSize} entries, root {RootHash}, at {IssuedAt}, key {KeyId}, signature {Signature}",
            digest.TreeSize, digest.RootHash, digest.IssuedAtText, digest.KeyId, digest.Signature);
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.PublishAsync(digest, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("A digest sink ({Sink}) failed ({Kind}); the next digest is offered again.", sink.GetType().Name, ex.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Stores the recurring trigger, first due one interval from now, unless one with the same interval is
    /// stored already: restarts must not postpone the next digest again and again. Removes it when there is no interval.
    /// </summary>
    public static async Task StoreAsync(ISchedulerFactory schedulers, TimeSpan? interval, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (interval is not { } every)
        {
            await scheduler.DeleteJob(Key, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (await scheduler.GetTrigger(new TriggerKey(Key.Name, Key.Group), cancellationToken).ConfigureAwait(false) is ISimpleTrigger { RepeatInterval: var stored } && stored == every)
        {
            return;
        }
        var job = JobBuilder.Create<IssueDigestJob>().WithIdentity(Key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Key.Name, Key.Group)
            .ForJob(Key)
            .StartAt(DateTimeOffset.UtcNow + every)
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }
}
