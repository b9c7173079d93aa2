using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Storage.Postgres;

/// <summary>
/// The PostgreSQL ledger's SQL, all of it: the same tables, columns and statements as the SQLite
/// ledger, in PostgreSQL's types. Writes run in READ COMMITTED transactions, where a conditional
/// UPDATE that waited for a concurrent writer re-checks its condition on the committed row: that is
/// what makes the version check and the send slot hold with many workers.
/// </summary>
internal static class PostgresLedgerSql
{
    private const string Columns = LedgerSql.ErasureColumns;

    public static LedgerSql Instance { get; } = new()
    {
        CreateSchemaVersionTable = "CREATE TABLE IF NOT EXISTS erasure_schema_version (version integer NOT NULL PRIMARY KEY)",
        ReadSchemaVersion = "SELECT MAX(version) FROM erasure_schema_version",
        RecordSchemaVersion = "INSERT INTO erasure_schema_version (version) VALUES (@version)",
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
        ],
        InsertErasure =
            """
            INSERT INTO erasures (erasure_id, request_id, account_id, subject_kind, subject_count, state, verdict, operation_id,
                                  submitted_at, updated_at, concluded_at, version, last_hash, clear_subjects)
            VALUES (@erasure_id, @request_id, @account_id, @subject_kind, @subject_count, @state, NULL, NULL,
                    @submitted_at, @submitted_at, NULL, @version, @last_hash, @subjects)
            ON CONFLICT (request_id) DO NOTHING
            """,
        InsertEntry =
            """
            INSERT INTO erasure_entries (erasure_id, sequence, kind, recorded_at, payload, previous_hash, hash)
            VALUES (@erasure_id, @sequence, @kind, @recorded_at, @payload, @previous_hash, @hash)
            """,
        UpdateErasure =
            """
            UPDATE erasures
            SET state = @state, verdict = COALESCE(@verdict, verdict), operation_id = COALESCE(@operation_id, operation_id),
                concluded_at = COALESCE(@concluded_at, concluded_at), updated_at = @updated_at, version = @new_version, last_hash = @last_hash
            WHERE erasure_id = @erasure_id AND version = @expected_version
            """,
        SetClearSubjects = "UPDATE erasures SET clear_subjects = @subjects WHERE erasure_id = @erasure_id",
        AcquireSendSlot = "UPDATE erasure_send_slot SET holder = @erasure_id, since = @now WHERE slot = 1 AND (holder IS NULL OR holder = @erasure_id)",
        ReleaseSendSlot = "UPDATE erasure_send_slot SET holder = NULL, since = NULL WHERE slot = 1 AND holder = @erasure_id",
        CountOperationClaims = "SELECT COUNT(*) FROM erasures WHERE operation_id = @operation_id AND erasure_id <> @erasure_id",
        SelectErasureById = $"SELECT {Columns} FROM erasures WHERE erasure_id = @erasure_id",
        SelectErasureByRequestId = $"SELECT {Columns} FROM erasures WHERE request_id = @request_id",
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
        SelectEntries =
            "SELECT erasure_id, sequence, kind, recorded_at, payload, previous_hash, hash FROM erasure_entries WHERE erasure_id = @erasure_id ORDER BY sequence",
        SelectClearSubjects = "SELECT clear_subjects FROM erasures WHERE erasure_id = @erasure_id",
    };
}
