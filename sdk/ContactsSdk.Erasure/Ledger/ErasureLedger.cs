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

    /// <summary>Appends an entry after <paramref name="record"/>; the row change is shaped by <paramref name="change"/>.</summary>
    public async Task<(AppendResult Result, ErasureRecord Record)> AppendAsync<T>(
        ErasureRecord record, string kind, T payload, ErasureState newState, Func<LedgerAppend, LedgerAppend>? change, CancellationToken cancellationToken)
    {
        var entry = _chain.Next(record.ErasureId, record.Version + 1, record.LastHash, kind, _time.GetUtcNow(), LedgerJson.Write(payload));
        var append = new LedgerAppend { Entry = entry, ExpectedVersion = record.Version, NewState = newState };
        if (change is not null)
        {
            append = change(append);
        }
        var result = await _store.AppendAsync(append, cancellationToken).ConfigureAwait(false);
        if (result != AppendResult.Appended)
        {
            return (result, record);
        }
        return (result, record with
        {
            State = newState,
            Verdict = append.Verdict ?? record.Verdict,
            OperationId = append.OperationId ?? record.OperationId,
            ConcludedAt = append.ConcludedAt ?? record.ConcludedAt,
            DueAt = append.DueAt ?? record.DueAt,
            UpdatedAt = entry.RecordedAt,
            Version = entry.Sequence,
            LastHash = entry.Hash,
        });
    }
}
