using System.Collections.Generic;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// Every SQL statement a ledger store runs, in one place per database. Parameters are named
/// <c>@name</c>; timestamps are UTC milliseconds since the Unix epoch (BIGINT), erasure IDs are
/// text, enums are stored by name. A new database is a new instance of this class plus a connection
/// factory (<see cref="AdoLedgerStore"/>).
/// </summary>
public sealed class LedgerSql
{
    /// <summary>Creates the table that records which schema versions were applied.</summary>
    public required string CreateSchemaVersionTable { get; init; }

    /// <summary>Reads the applied schema version (null or 0 when none).</summary>
    public required string ReadSchemaVersion { get; init; }

    /// <summary>Records a schema version as applied (<c>@version</c>).</summary>
    public required string RecordSchemaVersion { get; init; }

    /// <summary>
    /// The migrations, in order: the statements of entry <c>i</c> take the schema from version
    /// <c>i</c> to <c>i + 1</c>. Never edit a shipped migration; append a new one.
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<string>> Migrations { get; init; }

    /// <summary>Inserts an erasure row unless its request ID exists (0 rows affected then).</summary>
    public required string InsertErasure { get; init; }

    /// <summary>Inserts one ledger entry.</summary>
    public required string InsertEntry { get; init; }

    /// <summary>Applies an append's row change when the row is at <c>@expected_version</c>.</summary>
    public required string UpdateErasure { get; init; }

    /// <summary>Sets (or, with a null <c>@subjects</c>, erases) the identifiers in clear.</summary>
    public required string SetClearSubjects { get; init; }

    /// <summary>Takes the send slot for the batch <c>@holder</c> when free or already its own, at <c>@now</c> (1 row affected on success).</summary>
    public required string AcquireSendSlot { get; init; }

    /// <summary>Frees the send slot when the batch <c>@holder</c> holds it.</summary>
    public required string ReleaseSendSlot { get; init; }

    /// <summary>Selects one erasure row by <c>@erasure_id</c> (columns as <see cref="ErasureColumns"/>).</summary>
    public required string SelectErasureById { get; init; }

    /// <summary>Selects one erasure row by <c>@request_id</c>.</summary>
    public required string SelectErasureByRequestId { get; init; }

    /// <summary>
    /// Selects a page of erasures: <c>@from</c>/<c>@to</c> (null for unbounded), <c>@active_only</c>
    /// (0/1), cursor <c>@after_at</c>/<c>@after_id</c> (null for the first page), <c>@limit</c>.
    /// </summary>
    public required string SelectErasurePage { get; init; }

    /// <summary>
    /// Selects a page of the accepted erasures (state Accepted) through their partial index: cursor
    /// <c>@after_at</c>/<c>@after_id</c> (null for the first page), <c>@limit</c>.
    /// </summary>
    public required string SelectAcceptedPage { get; init; }

    /// <summary>Selects the entries of <c>@erasure_id</c> by ascending sequence.</summary>
    public required string SelectEntries { get; init; }

    /// <summary>Takes the next <c>@count</c> leaf indexes of the ledger-wide tree and returns the first (one row, one column).</summary>
    public required string TakeLeafIndexes { get; init; }

    /// <summary>Selects how many leaves the ledger-wide tree has.</summary>
    public required string SelectTreeSize { get; init; }

    /// <summary>Selects up to <c>@limit</c> entries whose leaf index is in [<c>@from</c>, <c>@to</c>), by leaf index (columns as <see cref="EntryColumns"/>).</summary>
    public required string SelectLeaves { get; init; }

    /// <summary>Selects the identifiers in clear of <c>@erasure_id</c>.</summary>
    public required string SelectClearSubjects { get; init; }

    /// <summary>
    /// Selects the ID of the erasure that has waited longest to send (state ReadyToSend, the oldest
    /// <c>updated_at</c>, then the lowest ID). Optional: without it the store names none, and waiting
    /// erasures only look at the send slot on their own schedule.
    /// </summary>
    public string? SelectLongestWaitingToSend { get; init; }

    /// <summary>
    /// Counts the erasures waiting to send that have waited longer than the one at <c>@updated_at</c>,
    /// <c>@erasure_id</c> (the same order). Optional: without it the store counts none ahead.
    /// </summary>
    public string? CountWaitingToSendAhead { get; init; }

    /// <summary>Inserts a batch row.</summary>
    public required string InsertBatch { get; init; }

    /// <summary>Changes a batch's state (and sets <c>@operation_id</c> once) when it is at <c>@expected_version</c>.</summary>
    public required string UpdateBatch { get; init; }

    /// <summary>Selects one batch by <c>@batch_id</c> (columns as <see cref="BatchColumns"/>).</summary>
    public required string SelectBatchById { get; init; }

    /// <summary>Selects the erasures riding <c>@batch_id</c>, in submission order.</summary>
    public required string SelectBatchMembers { get; init; }

    /// <summary>
    /// Selects up to <c>@limit</c> erasures ready to send and in no batch, of <c>@subject_kind</c> under
    /// <c>@account_id</c> (null matching null), longest waiting first, with their identifiers in clear last.
    /// </summary>
    public required string SelectSendCandidates { get; init; }

    /// <summary>
    /// Selects up to <c>@limit</c> erasures whose email addresses are still to be resolved, under
    /// <c>@account_id</c> (null matching null), longest waiting first, with their addresses last.
    /// </summary>
    public required string SelectResolveCandidates { get; init; }

    /// <summary>Counts the batches of <c>@account_id</c> (null matching null) not yet out of Marketing Cloud's queue.</summary>
    public required string CountBatchesInQueue { get; init; }

    /// <summary>Selects the oldest batch formed and not yet sent (a half of a refused batch waiting for the slot).</summary>
    public required string SelectOldestFormedBatch { get; init; }

    /// <summary>Counts the claims on <c>@operation_id</c> by batches other than <c>@batch_id</c> and by erasures outside any batch.</summary>
    public required string CountBatchOperationClaims { get; init; }

    /// <summary>
    /// The webhook outbox's SQL (schema 6), for the stores of this library: an entry's event is written
    /// in the entry's own transaction. Null for a store without an outbox (no events are written then).
    /// </summary>
    internal WebhookOutboxSql? Outbox { get; init; }

    /// <summary>The column list every erasure select returns, in the order <see cref="AdoLedgerStore"/> reads.</summary>
    public const string ErasureColumns =
        "erasure_id, request_id, account_id, subject_kind, subject_count, state, verdict, operation_id, submitted_at, updated_at, concluded_at, version, last_hash, batch_id, due_at";

    /// <summary>The column list every entry select returns, in the order <see cref="AdoLedgerStore"/> reads.</summary>
    public const string EntryColumns = "erasure_id, sequence, kind, recorded_at, payload, previous_hash, hash, leaf_index";

    /// <summary>The column list every batch select returns, in the order <see cref="AdoLedgerStore"/> reads.</summary>
    public const string BatchColumns =
        "batch_id, account_id, subject_kind, state, erasure_count, contact_count, operation_id, lead_erasure_id, parent_batch_id, created_at, updated_at, version";
}
