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

    /// <summary>Takes the send slot for <c>@erasure_id</c> when free or already its own (1 row affected on success).</summary>
    public required string AcquireSendSlot { get; init; }

    /// <summary>Frees the send slot when <c>@erasure_id</c> holds it.</summary>
    public required string ReleaseSendSlot { get; init; }

    /// <summary>Counts the other erasures (not <c>@erasure_id</c>) that claimed <c>@operation_id</c>.</summary>
    public required string CountOperationClaims { get; init; }

    /// <summary>Selects one erasure row by <c>@erasure_id</c> (columns as <see cref="ErasureColumns"/>).</summary>
    public required string SelectErasureById { get; init; }

    /// <summary>Selects one erasure row by <c>@request_id</c>.</summary>
    public required string SelectErasureByRequestId { get; init; }

    /// <summary>
    /// Selects a page of erasures: <c>@from</c>/<c>@to</c> (null for unbounded), <c>@active_only</c>
    /// (0/1), cursor <c>@after_at</c>/<c>@after_id</c> (null for the first page), <c>@limit</c>.
    /// </summary>
    public required string SelectErasurePage { get; init; }

    /// <summary>Selects the entries of <c>@erasure_id</c> by ascending sequence.</summary>
    public required string SelectEntries { get; init; }

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

    /// <summary>The column list every erasure select returns, in the order <see cref="AdoLedgerStore"/> reads.</summary>
    public const string ErasureColumns =
        "erasure_id, request_id, account_id, subject_kind, subject_count, state, verdict, operation_id, submitted_at, updated_at, concluded_at, version, last_hash, due_at";
}
