using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>Writes the workflow's entries: chains each one to the erasure's last hash and appends it with its row change.</summary>
internal sealed class ErasureLedger
{
    private readonly IErasureLedgerStore _store;
    private readonly LedgerChain _chain;
    private readonly TimeProvider _time;

    public ErasureLedger(IErasureLedgerStore store, LedgerChain chain, TimeProvider time)
    {
        _store = store;
        _chain = chain;
        _time = time;
    }

    public IErasureLedgerStore Store => _store;

    public LedgerChain Chain => _chain;

    public LedgerEntry First(Guid erasureId, string kind, object payload, DateTimeOffset at) =>
        _chain.Next(erasureId, 1, LedgerChain.Origin, kind, at, LedgerJson.Write(payload));

    /// <summary>
    /// Prepares an entry after <paramref name="record"/> without writing it, for a batch write; chain
    /// several for one erasure by passing the record <see cref="After"/> returns.
    /// </summary>
    public LedgerAppend Prepare<T>(ErasureRecord record, string kind, T payload, ErasureState newState, Func<LedgerAppend, LedgerAppend>? change = null)
    {
        var entry = _chain.Next(record.ErasureId, record.Version + 1, record.LastHash, kind, _time.GetUtcNow(), LedgerJson.Write(payload));
        var append = new LedgerAppend { Entry = entry, ExpectedVersion = record.Version, NewState = newState };
        return change is null ? append : change(append);
    }

    /// <summary>The row as it is once <paramref name="append"/> is written.</summary>
    public static ErasureRecord After(ErasureRecord record, LedgerAppend append) => record with
    {
        State = append.NewState,
        Verdict = append.Verdict ?? record.Verdict,
        OperationId = append.OperationId ?? record.OperationId,
        ConcludedAt = append.ConcludedAt ?? record.ConcludedAt,
        DueAt = append.DueAt ?? record.DueAt,
        UpdatedAt = append.Entry.RecordedAt,
        Version = append.Entry.Sequence,
        LastHash = append.Entry.Hash,
        BatchId = append.LeaveBatch ? null : append.JoinBatch ?? record.BatchId,
    };

    /// <summary>Appends an entry after <paramref name="record"/>; the row change is shaped by <paramref name="change"/>.</summary>
    public async Task<(AppendResult Result, ErasureRecord Record)> AppendAsync<T>(
        ErasureRecord record, string kind, T payload, ErasureState newState, Func<LedgerAppend, LedgerAppend>? change, CancellationToken cancellationToken)
    {
        var append = Prepare(record, kind, payload, newState, change);
        var result = await _store.AppendAsync(append, cancellationToken).ConfigureAwait(false);
        return result == AppendResult.Appended ? (result, After(record, append)) : (result, record);
    }
}
