using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Storage.Postgres;

/// <summary>
/// The PostgreSQL ledger's SQL: the same tables and columns as the SQLite ledger in PostgreSQL's
/// types, its page query, and the statements every store shares (<see cref="PortableLedgerStatements"/>). Writes run in READ COMMITTED transactions, where a conditional
/// UPDATE that waited for a concurrent writer re-checks its condition on the committed row: that is
/// what makes the version check and the send slot hold with many workers.
/// </summary>
internal static class PostgresLedgerSql
{
    private const string Columns = LedgerSql.ErasureColumns;

    /// <summary>The key of the advisory lock migrations hold. Any constant: it only has to differ from the advisory locks other software takes on the same database.</summary>
    public const long MigrationLockKey = 0x436f6e7461637473; // "Contacts"

    /// <summary>Takes the migration lock (<c>@key</c>) for the session, waiting for another holder to release it.</summary>
    public const string TakeMigrationLock = "SELECT pg_advisory_lock(@key)";

    /// <summary>Releases the session's migration lock (<c>@key</c>).</summary>
    public const string ReleaseMigrationLock = "SELECT pg_advisory_unlock(@key)";

    public static LedgerSql Instance { get; } = new()
    {
        CreateSchemaVersionTable = "CREATE TABLE IF NOT EXISTS erasure_schema_version (version integer NOT NULL PRIMARY KEY)",
        ReadSchemaVersion = PortableLedgerStatements.ReadSchemaVersion,
        RecordSchemaVersion = PortableLedgerStatements.RecordSchemaVersion,
        Migrations =
        [
            // Version 1: erasures, their hash-chained entries, the send slot.
            [
                """
                CREATE TABLE erasures (
                    erasure_id     text    NOT NULL PRIMARY KEY,
                    request_id     text    NOT NULL UNIQUE,
                    account_id     bigint  NULL,
                    subject_kind   text    NOT NULL,
                    subject_count  integer NOT NULL,
                    state          text    NOT NULL,
                    verdict        text    NULL,
                    operation_id   bigint  NULL,
                    submitted_at   bigint  NOT NULL,
                    updated_at     bigint  NOT NULL,
                    concluded_at   bigint  NULL,
                    version        bigint  NOT NULL,
                    last_hash      text    NOT NULL,
                    clear_subjects text    NULL
                )
                """,
                "CREATE INDEX ix_erasures_submitted ON erasures (submitted_at, erasure_id)",
                "CREATE UNIQUE INDEX ux_erasures_operation ON erasures (operation_id) WHERE operation_id IS NOT NULL",
                """
                CREATE TABLE erasure_entries (
                    erasure_id    text    NOT NULL REFERENCES erasures (erasure_id),
                    sequence      bigint  NOT NULL,
                    kind          text    NOT NULL,
                    recorded_at   bigint  NOT NULL,
                    payload       text    NOT NULL,
                    previous_hash text    NOT NULL,
                    hash          text    NOT NULL,
                    PRIMARY KEY (erasure_id, sequence)
                )
                """,
                "CREATE TABLE erasure_send_slot (slot integer NOT NULL PRIMARY KEY CHECK (slot = 1), holder text NULL, since bigint NULL)",
                "INSERT INTO erasure_send_slot (slot, holder, since) VALUES (1, NULL, NULL)",
            ],
            // Version 2: the queue of erasures waiting for the send slot.
            [PortableLedgerStatements.CreateWaitingToSendIndex],
            // Version 3: delete requests shared by several erasures (batches).
            [
                """
                CREATE TABLE erasure_batches (
                    batch_id        text    NOT NULL PRIMARY KEY,
                    account_id      bigint  NULL,
                    subject_kind    text    NOT NULL,
                    state           text    NOT NULL,
                    erasure_count   integer NOT NULL,
                    contact_count   integer NOT NULL,
                    operation_id    bigint  NULL,
                    lead_erasure_id text    NOT NULL,
                    parent_batch_id text    NULL,
                    created_at      bigint  NOT NULL,
                    updated_at      bigint  NOT NULL,
                    version         bigint  NOT NULL
                )
                """,
                .. PortableLedgerStatements.BatchesMigrationTail,
            ],
            // Version 4: the erasure's due date (legal deadline); NULL for erasures recorded before.
            [PortableLedgerStatements.AddDueAtColumn],
            // Version 5: the ledger-wide Merkle tree's leaf order.
            PortableLedgerStatements.LeafIndexMigration,
            // Version 6: the webhook outbox (events written with the ledger change that causes them, their deliveries).
            WebhookOutboxSql.Postgres.Migration,
        ],
        Outbox = WebhookOutboxSql.Postgres,
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
            WHERE (@from::bigint IS NULL OR submitted_at >= @from)
              AND (@to::bigint IS NULL OR submitted_at < @to)
              AND (@active_only = 0 OR state <> 'Closed')
              AND (@after_at::bigint IS NULL OR submitted_at > @after_at OR (submitted_at = @after_at AND erasure_id > @after_id))
            ORDER BY submitted_at, erasure_id
            LIMIT @limit
            """,
        SelectAcceptedPage =
            $"""
            SELECT {Columns} FROM erasures
            WHERE state = 'Accepted'
              AND (@after_at::bigint IS NULL OR submitted_at > @after_at OR (submitted_at = @after_at AND erasure_id > @after_id))
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
            WHERE state = 'ReadyToSend' AND batch_id IS NULL AND subject_kind = @subject_kind AND account_id IS NOT DISTINCT FROM @account_id::bigint
            ORDER BY updated_at, erasure_id
            LIMIT @limit
            """,
        SelectResolveCandidates =
            $"""
            SELECT {Columns}, clear_subjects FROM erasures
            WHERE state = 'Submitted' AND account_id IS NOT DISTINCT FROM @account_id::bigint
            ORDER BY updated_at, erasure_id
            LIMIT @limit
            """,
        CountBatchesInQueue =
            $"SELECT COUNT(*) FROM erasure_batches WHERE state IN ({PortableLedgerStatements.InQueueStates}) AND account_id IS NOT DISTINCT FROM @account_id::bigint",
        SelectOldestFormedBatch = PortableLedgerStatements.SelectOldestFormedBatch,
        CountBatchOperationClaims = PortableLedgerStatements.CountBatchOperationClaims,
    };
}
