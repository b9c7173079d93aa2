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
}
