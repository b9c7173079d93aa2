using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Storage.Sqlite;

/// <summary>The SQLite ledger's SQL, all of it.</summary>
internal static class SqliteLedgerSql
{
    private const string Columns = LedgerSql.ErasureColumns;

    public static LedgerSql Instance { get; } = new()
    {
        CreateSchemaVersionTable = "CREATE TABLE IF NOT EXISTS erasure_schema_version (version INTEGER NOT NULL PRIMARY KEY)",
        ReadSchemaVersion = "SELECT MAX(version) FROM erasure_schema_version",
        RecordSchemaVersion = "INSERT INTO erasure_schema_version (version) VALUES (@version)",
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
            WHERE (@from IS NULL OR submitted_at >= @from)
              AND (@to IS NULL OR submitted_at < @to)
              AND (@active_only = 0 OR state <> 'Closed')
              AND (@after_at IS NULL OR submitted_at > @after_at OR (submitted_at = @after_at AND erasure_id > @after_id))
            ORDER BY submitted_at, erasure_id
            LIMIT @limit
            """,
        SelectEntries =
            "SELECT erasure_id, sequence, kind, recorded_at, payload, previous_hash, hash FROM erasure_entries WHERE erasure_id = @erasure_id ORDER BY sequence",
        SelectClearSubjects = "SELECT clear_subjects FROM erasures WHERE erasure_id = @erasure_id",
    };
}
