using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Subjects;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>
/// Advances one erasure by its next step, decided from the ledger alone: resolve, send, reconcile,
/// poll, conclude, write the receipt. Every step is safe to run twice or after a crash at any point:
/// a step that finds the ledger changed under it starts over from the new state.
/// </summary>
internal sealed partial class ErasureStepRunner
{
    private readonly ErasureLedger _ledger;
    private readonly ContactsClient _client;
    private readonly ErasureOptions _options;
    private readonly SubjectHasher _hasher;
    private readonly IEmailSubjectResolver? _resolver;
    private readonly IErasureCheckpoints _checkpoints;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ErasureStepRunner(
        ErasureLedger ledger, ContactsClient client, ErasureOptions options, SubjectHasher hasher,
        IEmailSubjectResolver? resolver, IErasureCheckpoints checkpoints, TimeProvider time, ILogger<ErasureStepRunner> logger)
    {
        _ledger = ledger;
        _client = client;
        _options = options;
        _hasher = hasher;
        _resolver = resolver;
        _checkpoints = checkpoints;
        _time = time;
        _logger = logger;
    }

    private IErasureLedgerStore Store => _ledger.Store;

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Runs the erasure's next step.</summary>
    /// <param name="erasureId">The erasure.</param>
    /// <param name="effects">Collects what the step asks of the scheduler for other erasures.</param>
    /// <param name="cancellationToken">Cancels the step (a shutdown).</param>
    /// <returns>When to run the next step, or null when the erasure is closed (or unknown).</returns>
    public async Task<DateTimeOffset?> AdvanceAsync(Guid erasureId, StepEffects effects, CancellationToken cancellationToken)
    {
        var record = await Store.FindAsync(erasureId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            _logger.LogWarning("Erasure {ErasureId} is not in the ledger; nothing to do.", erasureId);
            return null;
        }
        using var activity = ErasureDiagnostics.StartStep(record);
        try
        {
            return await RunStepAsync(record, effects, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ErasureDiagnostics.SetFailure(activity, ex);
            throw;
        }
    }

    private async Task<DateTimeOffset?> RunStepAsync(ErasureRecord record, StepEffects effects, CancellationToken cancellationToken) => record.State switch
    {
        ErasureState.Submitted => await ResolveAsync(record, effects, cancellationToken).ConfigureAwait(false),
        ErasureState.ReadyToSend => await SendAsync(record, effects, cancellationToken).ConfigureAwait(false),
        ErasureState.Sending or ErasureState.Reconciling => await DriveBatchAsync(record, effects, cancellationToken).ConfigureAwait(false),
        ErasureState.Accepted => await PollAsync(record, effects, cancellationToken).ConfigureAwait(false),
        ErasureState.Concluded => await WriteReceiptAsync(record, cancellationToken).ConfigureAwait(false),
        _ => null,
    };

    /// <summary>Runs steps until the erasure is closed or its next step is due later than now.</summary>
    public async Task<DateTimeOffset?> AdvanceWhileDueAsync(Guid erasureId, StepEffects effects, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await AdvanceAsync(erasureId, effects, cancellationToken).ConfigureAwait(false);
            if (next is null || next > Now)
            {
                return next;
            }
        }
    }

    /// <summary>What to do when an append was refused: someone else moved the erasure on; look again now.</summary>
    private DateTimeOffset Refused(ErasureRecord record, AppendResult result)
    {
        _logger.LogInformation("Erasure {ErasureId}: the ledger changed under the step ({Result}); reading it again.", record.ErasureId, result);
        return Now;
    }
}
