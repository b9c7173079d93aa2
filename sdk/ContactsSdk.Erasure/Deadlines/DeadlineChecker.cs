using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Models;

namespace ContactsSdk.Erasure.Deadlines;

/// <summary>
/// Checks every active erasure's due date against the projected end of its deletion. Pages through
/// the ledger's active erasures and reads the entries of the accepted ones only (for their last
/// observations); it sends no request to Marketing Cloud.
/// </summary>
/// <remarks>
/// Marketing Cloud processes an account's delete calls one at a time, in arrival order. The calls
/// still to be processed are taken to be, in this order: accepted deletions not yet seen suppressed
/// (by operation ID), requests in flight, erasures waiting to send (in the send queue's order), then
/// erasures whose email addresses are still to be resolved (by submission). Erasures share calls:
/// the members of one batch ride one call, and erasures not in a batch yet ride the next calls, each
/// carrying up to <see cref="ErasureOptions.MaxContactsPerDeleteRequest"/> contacts. An erasure's calls
/// ahead are the distinct calls before its own in that order.
/// </remarks>
internal sealed class DeadlineChecker
{
    private static readonly int PageSize = ErasureListQuery.MaxPageSize;

    private readonly IErasureLedgerStore _store;
    private readonly DeadlineProjection _projection;
    private readonly int _maxContactsPerRequest;
    private readonly TimeProvider _time;

    public DeadlineChecker(IErasureLedgerStore store, DeadlineOptions options, int maxContactsPerRequest, TimeProvider time)
    {
        _store = store;
        _projection = DeadlineProjection.From(options);
        _maxContactsPerRequest = maxContactsPerRequest;
        _time = time;
    }

    public async Task<DeadlineCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var queued = new List<QueuedErasure>();
        var risks = new List<DeadlineRisk>();
        var withDeadline = 0;
        await foreach (var record in _store.ReadAllAsync(new ErasureListQuery { ActiveOnly = true, PageSize = PageSize }, cancellationToken).ConfigureAwait(false))
        {
            if (record.Verdict is not null)
            {
                continue;
            }
            withDeadline += record.DueAt is null ? 0 : 1;
            if (record.State != ErasureState.Accepted)
            {
                queued.Add(new QueuedErasure(record, null));
                continue;
            }
            var observed = await ObserveAsync(record, cancellationToken).ConfigureAwait(false);
            if (observed.SuppressedAt is null && observed.DeletingSince is null)
            {
                queued.Add(new QueuedErasure(record, observed.RestorableDays));
            }
            else if (record.DueAt is { } due)
            {
                var end = observed.DeletingSince is { } deleting
                    ? _projection.Deleting(now, deleting)
                    : _projection.Suppressed(now, observed.SuppressedAt!.Value, observed.RestorableDays);
                AddIfLate(risks, record, due, end);
            }
        }

        var calls = new CallsAhead(_maxContactsPerRequest);
        foreach (var waiting in queued.OrderBy(q => q, QueueOrder.Instance))
        {
            var callsAhead = calls.Before(waiting.Record);
            if (waiting.Record.DueAt is { } due)
            {
                AddIfLate(risks, waiting.Record, due, _projection.WaitingInQueue(now, callsAhead, waiting.RestorableDays));
            }
        }

        var byDue = risks.OrderBy(r => r.DueAt).ThenBy(r => r.ProjectedEndAt).ThenBy(r => r.Erasure.ErasureId).ToList();
        return new DeadlineCheck
        {
            CheckedAt = now,
            Checked = withDeadline,
            Overdue = byDue.Where(r => r.DueAt < now).ToList(),
            AtRisk = byDue.Where(r => r.DueAt >= now).ToList(),
        };
    }

    private static void AddIfLate(List<DeadlineRisk> risks, ErasureRecord record, DateTimeOffset due, DateTimeOffset projectedEnd)
    {
        // An overdue erasure's projection is never earlier than now, so it is always late.
        if (projectedEnd > due)
        {
            risks.Add(new DeadlineRisk { Erasure = record, DueAt = due, ProjectedEndAt = projectedEnd });
        }
    }

    /// <summary>What the accepted erasure's observations show: when suppression and the delete phase were first seen, the restorable days reported.</summary>
    private async Task<Observations> ObserveAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var entries = await _store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? suppressedAt = null;
        DateTimeOffset? deletingSince = null;
        int? restorableDays = null;
        foreach (var entry in entries.Where(e => e.Kind == EntryKinds.Observed))
        {
            var observed = LedgerJson.Read<ObservedPayload>(entry.Payload);
            restorableDays = observed.NumberOfRestorableDays ?? restorableDays;
            if (!Enum.TryParse<ContactDeletionState>(observed.State, out var state))
            {
                continue;
            }
            if (state == ContactDeletionState.Suppressed)
            {
                suppressedAt ??= entry.RecordedAt;
            }
            else if (state == ContactDeletionState.Deleting)
            {
                deletingSince ??= entry.RecordedAt;
            }
        }
        return new Observations(suppressedAt, deletingSince, restorableDays);
    }

    private readonly record struct Observations(DateTimeOffset? SuppressedAt, DateTimeOffset? DeletingSince, int? RestorableDays);

    /// <summary>
    /// Numbers the calls erasures ride, in queue order: a batch's members share its call; erasures not in
    /// a batch yet fill the next calls up to the contact limit. Gives each erasure the calls before its own.
    /// </summary>
    private sealed class CallsAhead(int maxContactsPerRequest)
    {
        private readonly Dictionary<Guid, int> _batchCalls = [];
        private int _calls;
        private int _contactsInNext;
        private bool _nextOpen;

        public int Before(ErasureRecord record)
        {
            if (record.BatchId is { } batch)
            {
                if (!_batchCalls.TryGetValue(batch, out var call))
                {
                    call = _batchCalls[batch] = _calls++;
                }
                return call;
            }
            if (!_nextOpen || _contactsInNext + record.SubjectCount > maxContactsPerRequest)
            {
                _calls++;
                _contactsInNext = 0;
                _nextOpen = true;
            }
            _contactsInNext += record.SubjectCount;
            return _calls - 1;
        }
    }

    /// <summary>An erasure whose call Marketing Cloud has not processed yet.</summary>
    private readonly record struct QueuedErasure(ErasureRecord Record, int? RestorableDays);

    /// <summary>The order in which the queued erasures' calls reach Marketing Cloud (see the class remarks).</summary>
    private sealed class QueueOrder : IComparer<QueuedErasure>
    {
        public static readonly QueueOrder Instance = new();

        public int Compare(QueuedErasure x, QueuedErasure y)
        {
            var byStage = Stage(x.Record).CompareTo(Stage(y.Record));
            if (byStage != 0)
            {
                return byStage;
            }
            return Stage(x.Record) switch
            {
                0 => Nullable.Compare(x.Record.OperationId, y.Record.OperationId),
                // The send queue's own order: how long each has waited, then the ID (ordinal, as the stores sort it).
                2 => ThenById(x.Record.UpdatedAt.CompareTo(y.Record.UpdatedAt), x, y),
                _ => ThenById(x.Record.SubmittedAt.CompareTo(y.Record.SubmittedAt), x, y),
            };
        }

        private static int ThenById(int order, QueuedErasure x, QueuedErasure y) =>
            order != 0 ? order : string.CompareOrdinal(x.Record.ErasureId.ToString("D"), y.Record.ErasureId.ToString("D"));

        private static int Stage(ErasureRecord record) => record.State switch
        {
            ErasureState.Accepted => 0,
            ErasureState.Sending or ErasureState.Reconciling => 1,
            ErasureState.ReadyToSend => 2,
            _ => 3,
        };
    }
}
