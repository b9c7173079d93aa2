using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// Where the erasure ledger lives: one row per erasure plus its append-only, hash-chained entries.
/// The workflow decides every step from what this store returns, so a store must make each write
/// atomic (the row change and its entry commit together or not at all) and must refuse a write made
/// from a stale read (<see cref="LedgerAppend.ExpectedVersion"/>).
/// </summary>
/// <remarks>
/// A store only persists: hashes, states and payloads are computed by the workflow. Every
/// implementation must pass the store contract tests (<c>LedgerStoreContract</c> in the test project).
/// Stores are thread-safe singletons; a failed write throws <see cref="ErasureLedgerException"/>
/// and leaves nothing half-written.
/// </remarks>
public interface IErasureLedgerStore
{
    /// <summary>Creates the schema, or upgrades it to the version this library knows; safe to call on every start.</summary>
    /// <exception cref="ErasureLedgerException">The ledger cannot be opened or written, or its schema is newer than this library.</exception>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a new erasure with its first entry, unless an erasure with the same request ID exists.
    /// </summary>
    /// <returns>True when created; false when the request ID was already taken (nothing written).</returns>
    Task<bool> TryCreateAsync(NewErasure erasure, CancellationToken cancellationToken = default);

    /// <summary>Appends one entry and applies the row change that goes with it, in one transaction.</summary>
    /// <returns>Whether the append happened, or which precondition refused it (nothing written then).</returns>
    /// <exception cref="ArgumentException">
    /// The entry's sequence does not follow <see cref="LedgerAppend.ExpectedVersion"/>, or the append carries an
    /// <see cref="LedgerAppend.OperationId"/> (an operation is recorded by <see cref="WriteBatchAsync"/>).
    /// </exception>
    Task<AppendResult> AppendAsync(LedgerAppend append, CancellationToken cancellationToken = default);

    /// <summary>The erasure with this caller-chosen request ID, or null.</summary>
    Task<ErasureRecord?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>The erasure with this ledger ID, or null.</summary>
    Task<ErasureRecord?> FindAsync(Guid erasureId, CancellationToken cancellationToken = default);

    /// <summary>Every entry of one erasure, by ascending sequence number.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadEntriesAsync(Guid erasureId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The identifiers in clear (contact keys, IDs as text, or email addresses), or null once they
    /// were erased (after the deletion was accepted).
    /// </summary>
    Task<IReadOnlyList<string>?> ReadClearSubjectsAsync(Guid erasureId, CancellationToken cancellationToken = default);

    /// <summary>One page of erasures, ordered by submission time then ID (keyset paging).</summary>
    Task<IReadOnlyList<ErasureRecord>> ListAsync(ErasureListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The erasure that has waited longest for the send slot (ready to send, unchanged the longest), or
    /// null when none waits. The erasure that frees the slot wakes this one, so the queue moves at the
    /// pace of the sends. A store that cannot tell returns null (the default): waiting erasures then
    /// find the free slot on their own schedule.
    /// </summary>
    Task<Guid?> FindLongestWaitingToSendAsync(CancellationToken cancellationToken = default) => Task.FromResult<Guid?>(null);

    /// <summary>
    /// How many erasures waiting for the send slot have waited longer than <paramref name="record"/>
    /// (ready to send and unchanged longer; ties by ID). A store that cannot tell returns 0 (the default).
    /// </summary>
    Task<int> CountWaitingToSendAheadAsync(ErasureRecord record, CancellationToken cancellationToken = default) => Task.FromResult(0);

    /// <summary>
    /// Writes a batch transaction (<see cref="BatchWrite"/>): new batches, a version-checked batch change,
    /// the members' entries and the send slot, all committed together or none.
    /// </summary>
    /// <returns>Whether it was written, or which precondition refused it (nothing written then).</returns>
    Task<AppendResult> WriteBatchAsync(BatchWrite write, CancellationToken cancellationToken = default);

    /// <summary>The batch with this ID, or null.</summary>
    Task<BatchRecord?> FindBatchAsync(Guid batchId, CancellationToken cancellationToken = default);

    /// <summary>The erasures riding a batch now, in submission order.</summary>
    Task<IReadOnlyList<ErasureRecord>> ListBatchMembersAsync(Guid batchId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> erasures ready to send and in no batch, of one subject kind under one
    /// MID (null for the client's default), longest waiting first, with their identifiers in clear.
    /// </summary>
    Task<IReadOnlyList<SendCandidate>> ReadSendCandidatesAsync(AccountId? accountId, SubjectKind subjectKind, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> erasures whose email addresses are still to be resolved, under one MID,
    /// longest waiting first, with their addresses in clear: one address search resolves them together.
    /// </summary>
    Task<IReadOnlyList<SendCandidate>> ReadResolveCandidatesAsync(AccountId? accountId, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many batches of a MID are formed, in flight or still in Marketing Cloud's delete queue.</summary>
    Task<int> CountBatchesInQueueAsync(AccountId? accountId, CancellationToken cancellationToken = default);

    /// <summary>The oldest batch formed but not sent yet (a half of a refused request), or null.</summary>
    Task<Guid?> FindOldestFormedBatchAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether a batch other than <paramref name="batchId"/>, or an erasure outside any batch, claimed this operation ID.</summary>
    Task<bool> IsOperationClaimedByOtherAsync(long operationId, Guid batchId, CancellationToken cancellationToken = default);

    /// <summary>How many entries the ledger-wide Merkle tree holds (every entry ever appended and committed).</summary>
    Task<long> ReadTreeSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> entries whose leaf index is at least <paramref name="from"/> and below
    /// <paramref name="to"/>, by leaf index, with <see cref="LedgerEntry.LeafIndex"/> set. An index with no
    /// entry (removed from the database) is simply absent.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLeavesAsync(long from, long to, int limit, CancellationToken cancellationToken = default);
}
