using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Storage.Sqlite;

/// <summary>The SQLite ledger's SQL: its schema and page query, and the statements it shares with every store (<see cref="PortableLedgerStatements"/>).</summary>
internal static class SqliteLedgerSql
{
    private const string Columns = LedgerSql.ErasureColumns;

    /// <summary>
    /// Run on every connection the store opens. WAL lets readers (and Quartz) work while a write commits;
    /// FULL sync makes a committed entry survive a power loss, not only a process crash.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

    public static LedgerSql Instance { get; } = new()
    {
        CreateSchemaVersionTable = "CREATE TABLE IF NOT EXISTS erasure_schema_version (version INTEGER NOT NULL PRIMARY KEY)",
        ReadSchemaVersion = PortableLedgerStatements.ReadSchemaVersion,
        RecordSchemaVersion = PortableLedgerStatements.RecordSchemaVersion,
        Migrations =
        [
            // Version 1: erasures, their hash-chained entries, the send slot.
            [
                """
                CREATE TABLE erasures (
                    erasure_id     TEXT    NOT NULL PRIMARY KEY,
                    request_id     TEXT    NOT NULL UNIQUE,
                    account_id     INTEGER NULL,
                    subject_kind   TEXT    NOT NULL,
                    subject_count  INTEGER NOT NULL,
                    state          TEXT    NOT NULL,
                    verdict        TEXT    NULL,
                    operation_id   INTEGER NULL,
                    submitted_at   INTEGER NOT NULL,
                    updated_at     INTEGER NOT NULL,
                    concluded_at   INTEGER NULL,
                    version        INTEGER NOT NULL,
                    last_hash      TEXT    NOT NULL,
                    clear_subjects TEXT    NULL
                )
                """,
                "CREATE INDEX ix_erasures_submitted ON erasures (submitted_at, erasure_id)",
                "CREATE UNIQUE INDEX ux_erasures_operation ON erasures (operation_id) WHERE operation_id IS NOT NULL",
                """
                CREATE TABLE erasure_entries (
                    erasure_id    TEXT    NOT NULL REFERENCES erasures (erasure_id),
                    sequence      INTEGER NOT NULL,
                    kind          TEXT    NOT NULL,
                    recorded_at   INTEGER NOT NULL,
                    payload       TEXT    NOT NULL,
                    previous_hash TEXT    NOT NULL,
                    hash          TEXT    NOT NULL,
                    PRIMARY KEY (erasure_id, sequence)
                )
                """,
                "CREATE TABLE erasure_send_slot (slot INTEGER NOT NULL PRIMARY KEY CHECK (slot = 1), holder TEXT NULL, since INTEGER NULL)",
                "INSERT INTO erasure_send_slot (slot, holder, since) VALUES (1, NULL, NULL)",
            ],
            // Version 2: the queue of erasures waiting for the send slot.
            [PortableLedgerStatements.CreateWaitingToSendIndex],
            // Version 3: delete requests shared by several erasures (batches).
            [
                """
                CREATE TABLE erasure_batches (
                    batch_id        TEXT    NOT NULL PRIMARY KEY,
                    account_id      INTEGER NULL,
                    subject_kind    TEXT    NOT NULL,
                    state           TEXT    NOT NULL,
                    erasure_count   INTEGER NOT NULL,
                    contact_count   INTEGER NOT NULL,
                    operation_id    INTEGER NULL,
                    lead_erasure_id TEXT    NOT NULL,
                    parent_batch_id TEXT    NULL,
                    created_at      INTEGER NOT NULL,
                    updated_at      INTEGER NOT NULL,
                    version         INTEGER NOT NULL
                )
                """,
                .. PortableLedgerStatements.BatchesMigrationTail,
            ],
            // Version 4: the erasure's due date (legal deadline); NULL for erasures recorded before.
            [PortableLedgerStatements.AddDueAtColumn],
            // Version 5: the ledger-wide Merkle tree's leaf order.
            PortableLedgerStatements.LeafIndexMigration,
            // Version 6: the webhook outbox (events written with the ledger change that causes them, their deliveries).
            WebhookOutboxSql.Sqlite.Migration,
        ],
        Outbox = WebhookOutboxSql.Sqlite,
        InsertErasure = PortableLedgerStatements.InsertErasure,
        InsertEntry = PortableLedgerStatements.InsertEntry,
        UpdateErasure = PortableLedgerStatements.UpdateErasure,
        SetClearSubjects = PortableLedgerStatements.SetClearSubjects,
        AcquireSendSlot = PortableLedgerStatements.AcquireSendSlot,
        ReleaseSendSlot = PortableLedgerStatements.ReleaseSendSlot,
        SelectErasureById = PortableLedgerStatements.SelectErasureById,
        SelectErasureByRequestId = PortableLedgerStatements.SelectErasureByRequestId,
        SelectErasurePage =
            $"""
            SELECT {Columns} FROM erasures
            WHERE (@from IS NULL OR submitted_at >= @from)
              AND (@to IS NULL OR submitted_at < @to)
              AND (@active_only = 0 OR state <> 'Closed')
              AND (@after_at IS NULL OR submitted_at > @after_at OR (submitted_at = @after_at AND erasure_id > @after_id))
            ORDER BY submitted_at, erasure_id
            LIMIT @limit
            """,
        SelectAcceptedPage =
            $"""
            SELECT {Columns} FROM erasures
            WHERE state = 'Accepted'
              AND (@after_at IS NULL OR submitted_at > @after_at OR (submitted_at = @after_at AND erasure_id > @after_id))
            ORDER BY submitted_at, erasure_id
            LIMIT @limit
            """,
        SelectEntries = PortableLedgerStatements.SelectEntries,
        TakeLeafIndexes = PortableLedgerStatements.TakeLeafIndexes,
        SelectTreeSize = PortableLedgerStatements.SelectTreeSize,
        SelectLeaves = PortableLedgerStatements.SelectLeaves,
        SelectClearSubjects = PortableLedgerStatements.SelectClearSubjects,
        SelectLongestWaitingToSend = PortableLedgerStatements.SelectLongestWaitingToSend,
        CountWaitingToSendAhead = PortableLedgerStatements.CountWaitingToSendAhead,
        InsertBatch = PortableLedgerStatements.InsertBatch,
        UpdateBatch = PortableLedgerStatements.UpdateBatch,
        SelectBatchById = PortableLedgerStatements.SelectBatchById,
        SelectBatchMembers = PortableLedgerStatements.SelectBatchMembers,
        SelectSendCandidates =
            $"""
            SELECT {Columns}, clear_subjects FROM erasures
            WHERE state = 'ReadyToSend' AND batch_id IS NULL AND subject_kind = @subject_kind AND account_id IS @account_id
            ORDER BY updated_at, erasure_id
            LIMIT @limit
            """,
        SelectResolveCandidates =
            $"""
            SELECT {Columns}, clear_subjects FROM erasures
            WHERE state = 'Submitted' AND account_id IS @account_id
            ORDER BY updated_at, erasure_id
            LIMIT @limit
            """,
        CountBatchesInQueue =
            $"SELECT COUNT(*) FROM erasure_batches WHERE state IN ({PortableLedgerStatements.InQueueStates}) AND account_id IS @account_id",
        SelectOldestFormedBatch = PortableLedgerStatements.SelectOldestFormedBatch,
        CountBatchOperationClaims = PortableLedgerStatements.CountBatchOperationClaims,
    };
}
