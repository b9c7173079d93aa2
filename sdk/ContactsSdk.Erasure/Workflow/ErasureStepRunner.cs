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
    /// <param name="cancellationToken">Cancels the step (a shutdown).</param>
    /// <returns>When to run the next step (null when the erasure is closed or unknown), and what the step asks for other erasures.</returns>
    public async Task<StepOutcome> AdvanceAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        var record = await Store.FindAsync(erasureId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            _logger.LogWarning("Erasure {ErasureId} is not in the ledger; nothing to do.", erasureId);
            return StepOutcome.At(null);
        }
        using var activity = ErasureDiagnostics.StartStep(record);
        try
        {
            return await RunStepAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ErasureDiagnostics.SetFailure(activity, ex);
            throw;
        }
    }

    private async Task<StepOutcome> RunStepAsync(ErasureRecord record, CancellationToken cancellationToken) => record.State switch
    {
        ErasureState.Submitted => await ResolveAsync(record, cancellationToken).ConfigureAwait(false),
        ErasureState.ReadyToSend => await SendAsync(record, cancellationToken).ConfigureAwait(false),
        ErasureState.Sending or ErasureState.Reconciling => await DriveBatchAsync(record, cancellationToken).ConfigureAwait(false),
        ErasureState.Accepted => await PollAsync(record, cancellationToken).ConfigureAwait(false),
        ErasureState.Concluded => StepOutcome.At(await WriteReceiptAsync(record, cancellationToken).ConfigureAwait(false)),
        _ => StepOutcome.At(null),
    };

    /// <summary>
    /// Runs steps until the erasure is closed or its next step is due later than now. A step that fails
    /// ends the run with its failure (<see cref="StepOutcome.Failure"/>), keeping what the steps before it
    /// asked for other erasures: those steps are written. Only a cancellation (a shutdown) is thrown.
    /// </summary>
    public async Task<StepOutcome> AdvanceWhileDueAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        var outcome = StepOutcome.At(null);
        while (true)
        {
            StepOutcome step;
            try
            {
                step = await AdvanceAsync(erasureId, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                return outcome.Failed(ex);
            }
            outcome = outcome.Then(step);
            if (outcome.Next is not { } next || next > Now)
            {
                return outcome;
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
