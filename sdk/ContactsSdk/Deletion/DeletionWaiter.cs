using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using ContactsSdk.Models;
using Microsoft.Extensions.Logging;

namespace ContactsSdk;

/// <summary>
/// Follows one operation until its lifecycle state is terminal. The state comes from the
/// interpretation generated from the spec; this class only decides when to ask again.
/// </summary>
internal sealed class DeletionWaiter
{
    private readonly Func<long, CancellationToken, Task<DeleteStatusResponse>> _readStatus;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DeletionWaiter(Func<long, CancellationToken, Task<DeleteStatusResponse>> readStatus, TimeProvider time, ILogger logger)
    {
        _readStatus = readStatus;
        _time = time;
        _logger = logger;
    }

    public async Task<DeletionResult> WaitAsync(long operationId, DeletionWaitOptions options, IProgress<DeletionProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var schedule = new PollSchedule(options);
        var requests = 0;
        var failures = 0;
        ContactDeletionState? lastState = null;
        ContactDeletionPhase? lastPhase = null;
        string? lastRaw = null;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            try
            {
                requests++;
                var response = await _readStatus(operationId, cancellationToken).ConfigureAwait(false);
                failures = 0;
                var lifecycle = response.GetDeletionState();
                var changed = lifecycle.State != lastState;
                lastState = lifecycle.State;
                lastPhase = lifecycle.Phase;
                // The wire value that decided the state, from the same generated reading as the state.
                lastRaw = lifecycle.WireValue;
                if (changed)
                {
                    ContactsSdkLog.DeletionStateChanged(_logger, operationId, lastPhase, lastState, lastRaw);
                    ContactsSdkTelemetry.StateChanged(lifecycle.Phase, lifecycle.State);
                }
                if (lifecycle.IsTerminal)
                {
                    var elapsed = _time.GetElapsedTime(started);
                    progress?.Report(new DeletionProgress(operationId, lastPhase, lastState, lastRaw, elapsed, requests, 0, TimeSpan.Zero));
                    return new DeletionResult(operationId, lifecycle.State, response, elapsed, requests);
                }
                wait = schedule.Next(changed);
            }
            catch (Exception ex) when (TransientFailure.IsTransient(ex, cancellationToken))
            {
                failures++;
                if (failures > options.MaxConsecutiveFailures)
                {
                    ContactsSdkLog.WaitGaveUp(_logger, operationId, failures);
                    throw;
                }
                wait = TransientFailure.RetryAfter(ex, options.MaxRetryAfter) ?? schedule.AfterFailure(failures);
                ContactsSdkLog.StatusReadFailed(_logger, operationId, failures, options.MaxConsecutiveFailures, ex.GetType().Name, wait);
                ContactsSdkTelemetry.Retrying(TransientFailure.Reason(ex, cancellationToken));
            }

            var sofar = _time.GetElapsedTime(started);
            if (options.Timeout is { } timeout)
            {
                if (sofar >= timeout)
                {
                    throw new DeletionWaitTimeoutException(operationId, lastState, sofar);
                }
                // Never sleep past the deadline: one last look happens at the deadline itself.
                if (sofar + wait > timeout)
                {
                    wait = timeout - sofar;
                }
            }
            progress?.Report(new DeletionProgress(operationId, lastPhase, lastState, lastRaw, sofar, requests, failures, wait));
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
