using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using ContactsSdk.Models;
using Microsoft.Extensions.Logging;


namespace ContactsSdk;

/// <summary>
/// Follows many deletions for a handful of requests: one sweep of the analytics route per
/// <see cref="DeletionWaitOptions.MaxPollInterval"/> shows which operations have finished, and only
/// those get a status read, which decides the state. An operation the sweep does not show (too new
/// to be listed, outside the window, or when sweeps keep failing) is polled on its own, exactly as
/// <see cref="DeletionWaiter"/> would.
/// </summary>
/// <remarks>
/// A completion is seen by the first sweep after it, and read at once: it is noticed within the
/// cap, as with one-by-one polling. Everything waits on one timer, so a virtual clock stays exact.
/// </remarks>
internal sealed class BatchedDeletionWaiter
{
    private readonly Func<long, CancellationToken, Task<DeleteStatusResponse>> _readStatus;
    private readonly DeleteRequestSweep _sweep;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public BatchedDeletionWaiter(Func<long, CancellationToken, Task<DeleteStatusResponse>> readStatus, DeleteRequestSweep sweep, TimeProvider time, ILogger logger)
    {
        _readStatus = readStatus;
        _sweep = sweep;
        _time = time;
        _logger = logger;
    }

    /// <summary>Sweeps made and pages read so far (for the request-economy measurements).</summary>
    public int SweepPages { get; private set; }

    public async Task<IReadOnlyDictionary<long, DeletionWaitOutcome>> WaitAsync(IReadOnlyCollection<long> operationIds, DeletionWaitOptions options, IProgress<DeletionProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(this, operationIds, options, progress);
        await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return run.Outcomes;
    }

    /// <summary>One call's state: the operations still open, the sweep schedule, the outcomes.</summary>
    private sealed class Run
    {
        private readonly BatchedDeletionWaiter _owner;
        private readonly DeletionWaitOptions _options;
        private readonly IProgress<DeletionProgress>? _progress;
        private readonly long _started;
        private readonly DateTimeOffset _startedUtc;
        private readonly Dictionary<long, Followed> _open;
        private readonly Dictionary<long, DeletionWaitOutcome> _outcomes = [];
        private TimeSpan _nextSweep = TimeSpan.Zero;
        private PollSchedule _sweepSchedule;
        private int _sweepFailures;
        private bool _sweepsGivenUp;

        public Run(BatchedDeletionWaiter owner, IReadOnlyCollection<long> operationIds, DeletionWaitOptions options, IProgress<DeletionProgress>? progress)
        {
            _owner = owner;
            _options = options;
            _progress = progress;
            _started = owner._time.GetTimestamp();
            _startedUtc = owner._time.GetUtcNow();
            _sweepSchedule = new PollSchedule(options);
            _open = operationIds.Distinct().ToDictionary(id => id, id => new Followed(id, options));
        }

        public IReadOnlyDictionary<long, DeletionWaitOutcome> Outcomes => _outcomes;

        private TimeSpan Elapsed => _owner._time.GetElapsedTime(_started);

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            while (_open.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_sweepsGivenUp && Elapsed >= _nextSweep)
                {
                    await SweepAsync(cancellationToken).ConfigureAwait(false);
                }
                var due = _open.Values.Where(f => f.NextPollAt is { } at && at <= Elapsed).ToList();
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(due, parallel, async (followed, token) => await PollAsync(followed, token).ConfigureAwait(false)).ConfigureAwait(false);
                foreach (var closed in due.Where(f => _outcomes.ContainsKey(f.OperationId)))
                {
                    _open.Remove(closed.OperationId);
                }
                if (_open.Count == 0 || TimedOut())
                {
                    return;
                }
                await Task.Delay(NextWake() - Elapsed, _owner._time, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Reads the analytics route; finished operations are read at once, unlisted ones polled on their own.</summary>
        private async Task SweepAsync(CancellationToken cancellationToken)
        {
            IReadOnlyDictionary<long, DeleteRequestDetails> listed;
            try
            {
                var (requests, pages) = await _owner._sweep.ReadAsync(
                    _startedUtc - _options.SweepLookBack, _owner._time.GetUtcNow() + TimeSpan.FromDays(1), _open.Keys.Min(), _options.SweepPageSize, cancellationToken).ConfigureAwait(false);
                _owner.SweepPages += pages;
                listed = requests;
                _sweepFailures = 0;
                _nextSweep = Elapsed + _options.MaxPollInterval;
            }
            catch (Exception ex) when (TransientFailure.IsTransient(ex, cancellationToken) || ex is ContactsServiceException)
            {
                _sweepFailures++;
                if (_sweepFailures > _options.MaxConsecutiveFailures || ex is ContactsServiceException)
                {
                    // No sweep to rely on: every operation is followed on its own from now on.
                    ContactsSdkLog.SweepGivenUp(_owner._logger, _sweepFailures, ex.GetType().Name);
                    _sweepsGivenUp = true;
                    foreach (var followed in _open.Values)
                    {
                        followed.CoveredBySweep = false;
                        followed.NextPollAt ??= Elapsed;
                    }
                    return;
                }
                _nextSweep = Elapsed + (TransientFailure.RetryAfter(ex, _options.MaxRetryAfter) ?? _sweepSchedule.AfterFailure(_sweepFailures));
                return;
            }

            foreach (var followed in _open.Values)
            {
                if (!listed.TryGetValue(followed.OperationId, out var request))
                {
                    // Not listed (yet): polled on its own schedule until a sweep shows it.
                    followed.CoveredBySweep = false;
                    followed.NextPollAt ??= Elapsed;
                }
                else if (request.GetDeleteRequestStatus().IsPhaseOver())
                {
                    // Finished by the analytics route's account: the status route decides, now.
                    followed.CoveredBySweep = false;
                    followed.NextPollAt = Elapsed;
                }
                else
                {
                    followed.CoveredBySweep = true;
                    followed.NextPollAt = null;
                }
            }
        }

        private async Task PollAsync(Followed followed, CancellationToken cancellationToken)
        {
            followed.Requests++;
            TimeSpan wait;
            try
            {
                var response = await _owner._readStatus(followed.OperationId, cancellationToken).ConfigureAwait(false);
                followed.Failures = 0;
                var lifecycle = response.GetDeletionState();
                var changed = lifecycle.State != followed.State;
                followed.State = lifecycle.State;
                followed.Phase = lifecycle.Phase;
                if (lifecycle.IsTerminal)
                {
                    var elapsed = Elapsed;
                    _progress?.Report(new DeletionProgress(followed.OperationId, followed.Phase, followed.State, null, elapsed, followed.Requests, 0, TimeSpan.Zero));
                    Record(followed, new DeletionWaitOutcome(followed.OperationId, new DeletionResult(followed.OperationId, lifecycle.State, response, elapsed, followed.Requests), null));
                    return;
                }
                wait = followed.Schedule.Next(changed);
            }
            catch (Exception ex) when (TransientFailure.IsTransient(ex, cancellationToken))
            {
                followed.Failures++;
                if (followed.Failures > _options.MaxConsecutiveFailures)
                {
                    Record(followed, new DeletionWaitOutcome(followed.OperationId, null, ex));
                    return;
                }
                wait = TransientFailure.RetryAfter(ex, _options.MaxRetryAfter) ?? followed.Schedule.AfterFailure(followed.Failures);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Record(followed, new DeletionWaitOutcome(followed.OperationId, null, ex));
                return;
            }

            // Listed as still processing by the last sweep: the next sweep says when to look again.
            followed.NextPollAt = followed.CoveredBySweep && followed.Failures == 0 ? null : Elapsed + wait;
            _progress?.Report(new DeletionProgress(followed.OperationId, followed.Phase, followed.State, null, Elapsed, followed.Requests, followed.Failures, followed.NextPollAt is { } at ? at - Elapsed : _nextSweep - Elapsed));
        }

        private void Record(Followed followed, DeletionWaitOutcome outcome)
        {
            lock (_outcomes)
            {
                _outcomes[followed.OperationId] = outcome;
            }
        }

        private bool TimedOut()
        {
            if (_options.Timeout is not { } timeout || Elapsed < timeout)
            {
                return false;
            }
            foreach (var followed in _open.Values)
            {
                _outcomes[followed.OperationId] = new DeletionWaitOutcome(followed.OperationId, null, new DeletionWaitTimeoutException(followed.OperationId, followed.State, Elapsed));
            }
            _open.Clear();
            return true;
        }

        /// <summary>The next sweep or poll, never past the timeout.</summary>
        private TimeSpan NextWake()
        {
            var next = _open.Values.Select(f => f.NextPollAt ?? TimeSpan.MaxValue).Append(_sweepsGivenUp ? TimeSpan.MaxValue : _nextSweep).Min();
            if (_options.Timeout is { } timeout && next > timeout)
            {
                next = timeout;
            }
            return next < Elapsed ? Elapsed : next;
        }
    }

    /// <summary>One operation followed: its own schedule for when no sweep covers it.</summary>
    private sealed class Followed(long operationId, DeletionWaitOptions options)
    {
        public long OperationId { get; } = operationId;

        public PollSchedule Schedule = new(options);

        /// <summary>When to read its status (time since the start), or null while the sweep covers it.</summary>
        public TimeSpan? NextPollAt { get; set; }

        public bool CoveredBySweep { get; set; }

        public int Requests { get; set; }

        public int Failures { get; set; }

        public ContactDeletionState? State { get; set; }

        public ContactDeletionPhase? Phase { get; set; }
    }
}
