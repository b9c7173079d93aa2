namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// The ledger statements that SQLite and PostgreSQL both run unchanged (standard SQL plus
/// <c>ON CONFLICT … DO NOTHING</c>, which both know): one text for both stores, so a fix to one is a
/// fix to both. What differs between the databases (the schema's types, the page query's typed
/// nulls) stays in each store's <see cref="LedgerSql"/>.
/// </summary>
internal static class PortableLedgerStatements
{
    /// <summary>Reads the applied schema version.</summary>
    public const string ReadSchemaVersion = "SELECT MAX(version) FROM erasure_schema_version";

    /// <summary>Records a schema version as applied.</summary>
    public const string RecordSchemaVersion = "INSERT INTO erasure_schema_version (version) VALUES (@version)";

    /// <summary>Inserts an erasure row unless its request ID exists.</summary>
    public const string InsertErasure =
        """
        INSERT INTO erasures (erasure_id, request_id, account_id, subject_kind, subject_count, state, verdict, operation_id,
                              submitted_at, updated_at, concluded_at, version, last_hash, clear_subjects, due_at)
        VALUES (@erasure_id, @request_id, @account_id, @subject_kind, @subject_count, @state, NULL, NULL,
                @submitted_at, @submitted_at, NULL, @version, @last_hash, @subjects, @due_at)
        ON CONFLICT (request_id) DO NOTHING
        """;

    /// <summary>Inserts one ledger entry.</summary>
    public const string InsertEntry =
        """
        INSERT INTO erasure_entries (erasure_id, sequence, kind, recorded_at, payload, previous_hash, hash, leaf_index)
        VALUES (@erasure_id, @sequence, @kind, @recorded_at, @payload, @previous_hash, @hash, @leaf_index)
        """;

    /// <summary>Applies an append's row change when the row is at the expected version.</summary>
    public const string UpdateErasure =
        """
        UPDATE erasures
        SET state = @state, verdict = COALESCE(@verdict, verdict), operation_id = COALESCE(@operation_id, operation_id),
            concluded_at = COALESCE(@concluded_at, concluded_at), updated_at = @updated_at, version = @new_version, last_hash = @last_hash,
            batch_id = CASE WHEN @leave_batch = 1 THEN NULL ELSE COALESCE(@batch_id, batch_id) END,
            due_at = COALESCE(@due_at, due_at)
        WHERE erasure_id = @erasure_id AND version = @expected_version
        """;

    /// <summary>Sets or erases the identifiers in clear.</summary>
    public const string SetClearSubjects = "UPDATE erasures SET clear_subjects = @subjects WHERE erasure_id = @erasure_id";

    /// <summary>Takes the send slot for <c>@holder</c> (a batch) when free or already its own.</summary>
    public const string AcquireSendSlot = "UPDATE erasure_send_slot SET holder = @holder, since = @now WHERE slot = 1 AND (holder IS NULL OR holder = @holder)";

    /// <summary>Frees the send slot when <c>@holder</c> (a batch) holds it.</summary>
    public const string ReleaseSendSlot = "UPDATE erasure_send_slot SET holder = NULL, since = NULL WHERE slot = 1 AND holder = @holder";

    /// <summary>
    /// Version 2: the queue of erasures waiting for the send slot, in the order they have waited. A
    /// partial index, so it holds only the (few) erasures ready to send, however large the ledger.
    /// </summary>
    public const string CreateWaitingToSendIndex =
        "CREATE INDEX ix_erasures_waiting_to_send ON erasures (updated_at, erasure_id) WHERE state = 'ReadyToSend'";

    /// <summary>
    /// Version 3: the erasure's due date (UTC milliseconds). Rows of earlier versions keep NULL: their
    /// submissions recorded no deadline, and a date computed now would be a fact the chain does not hold.
    /// </summary>
    public const string AddDueAtColumn = "ALTER TABLE erasures ADD COLUMN due_at bigint NULL";

    /// <summary>Selects the erasure that has waited longest to send.</summary>
    public const string SelectLongestWaitingToSend =
        "SELECT erasure_id FROM erasures WHERE state = 'ReadyToSend' ORDER BY updated_at, erasure_id LIMIT 1";

    /// <summary>Counts the erasures waiting to send ahead of one.</summary>
    public const string CountWaitingToSendAhead =
        """
        SELECT COUNT(*) FROM erasures
        WHERE state = 'ReadyToSend' AND (updated_at < @updated_at OR (updated_at = @updated_at AND erasure_id < @erasure_id))
        """;

    /// <summary>
    /// Version 3 after each store's <c>erasure_batches</c> table: shared delete requests. Several
    /// erasures' operation IDs are now the same (a batch's), so the claim on an operation moves from
    /// the erasure row to the batch row.
    /// </summary>
    public static readonly string[] BatchesMigrationTail =
    [
        "ALTER TABLE erasures ADD COLUMN batch_id TEXT NULL",
        "DROP INDEX ux_erasures_operation",
        "CREATE INDEX ix_erasures_operation ON erasures (operation_id) WHERE operation_id IS NOT NULL",
        "CREATE INDEX ix_erasures_batch ON erasures (batch_id) WHERE batch_id IS NOT NULL",
        "CREATE UNIQUE INDEX ux_batches_operation ON erasure_batches (operation_id) WHERE operation_id IS NOT NULL",
        "CREATE INDEX ix_batches_state ON erasure_batches (state, created_at, batch_id)",
        "CREATE INDEX ix_erasures_waiting_to_resolve ON erasures (updated_at, erasure_id) WHERE state = 'Submitted'",
        "CREATE INDEX ix_erasures_accepted ON erasures (submitted_at, erasure_id) WHERE state = 'Accepted'",
    ];

    /// <summary>Inserts a batch row.</summary>
    public const string InsertBatch =
        $"""
        INSERT INTO erasure_batches ({LedgerSql.BatchColumns})
        VALUES (@batch_id, @account_id, @subject_kind, @state, @erasure_count, @contact_count, @operation_id, @lead_erasure_id, @parent_batch_id, @created_at, @updated_at, @version)
        """;

    /// <summary>Changes a batch at its expected version.</summary>
    public const string UpdateBatch =
        """
        UPDATE erasure_batches
        SET state = @state, operation_id = COALESCE(@operation_id, operation_id), updated_at = @updated_at, version = version + 1
        WHERE batch_id = @batch_id AND version = @expected_version
        """;

    /// <summary>Selects one batch.</summary>
    public const string SelectBatchById = $"SELECT {LedgerSql.BatchColumns} FROM erasure_batches WHERE batch_id = @batch_id";

    /// <summary>Selects a batch's members in submission order.</summary>
    public const string SelectBatchMembers = $"SELECT {LedgerSql.ErasureColumns} FROM erasures WHERE batch_id = @batch_id ORDER BY submitted_at, erasure_id";

    /// <summary>Selects the oldest formed batch.</summary>
    public const string SelectOldestFormedBatch = "SELECT batch_id FROM erasure_batches WHERE state = 'Formed' ORDER BY created_at, batch_id LIMIT 1";

    /// <summary>Counts the other claims on an operation ID.</summary>
    public const string CountBatchOperationClaims =
        """
        SELECT (SELECT COUNT(*) FROM erasure_batches WHERE operation_id = @operation_id AND batch_id <> @batch_id)
             + (SELECT COUNT(*) FROM erasures WHERE operation_id = @operation_id AND batch_id IS NULL)
        """;

    /// <summary>The states of a batch whose call is not yet out of Marketing Cloud's queue, for IN lists.</summary>
    public const string InQueueStates = "'Formed', 'Posting', 'Reconciling', 'InQueue'";

    /// <summary>Selects one erasure row by ID.</summary>
    public const string SelectErasureById = $"SELECT {LedgerSql.ErasureColumns} FROM erasures WHERE erasure_id = @erasure_id";

    /// <summary>Selects one erasure row by request ID.</summary>
    public const string SelectErasureByRequestId = $"SELECT {LedgerSql.ErasureColumns} FROM erasures WHERE request_id = @request_id";

    /// <summary>Selects the entries of an erasure by ascending sequence.</summary>
    public const string SelectEntries = $"SELECT {LedgerSql.EntryColumns} FROM erasure_entries WHERE erasure_id = @erasure_id ORDER BY sequence";

    /// <summary>
    /// Version 5: the ledger-wide Merkle tree. Every entry gets its place among all entries (its leaf
    /// index), taken from one counter row in the transaction that appends it. Entries written before
    /// are numbered in the order they were recorded.
    /// </summary>
    public static readonly string[] LeafIndexMigration =
    [
        "ALTER TABLE erasure_entries ADD COLUMN leaf_index bigint NULL",
        """
        UPDATE erasure_entries SET leaf_index = numbered.leaf_index
        FROM (SELECT erasure_id, sequence, ROW_NUMBER() OVER (ORDER BY recorded_at, erasure_id, sequence) - 1 AS leaf_index FROM erasure_entries) AS numbered
        WHERE numbered.erasure_id = erasure_entries.erasure_id AND numbered.sequence = erasure_entries.sequence
        """,
        "CREATE UNIQUE INDEX ux_erasure_entries_leaf ON erasure_entries (leaf_index)",
        "CREATE TABLE erasure_tree (tree integer NOT NULL PRIMARY KEY CHECK (tree = 1), size bigint NOT NULL)",
        "INSERT INTO erasure_tree (tree, size) SELECT 1, COUNT(*) FROM erasure_entries",
    ];

    /// <summary>Takes the next <c>@count</c> leaf indexes; returns the first. The row lock is the last one a write takes, so it cannot deadlock.</summary>
    public const string TakeLeafIndexes = "UPDATE erasure_tree SET size = size + @count WHERE tree = 1 RETURNING size - @count";

    /// <summary>Reads how many leaves the tree has.</summary>
    public const string SelectTreeSize = "SELECT size FROM erasure_tree WHERE tree = 1";

    /// <summary>Selects up to <c>@limit</c> entries with leaf indexes in [<c>@from</c>, <c>@to</c>), by leaf index.</summary>
    public const string SelectLeaves =
        $"SELECT {LedgerSql.EntryColumns} FROM erasure_entries WHERE leaf_index >= @from AND leaf_index < @to ORDER BY leaf_index LIMIT @limit";

    /// <summary>Selects the identifiers in clear of an erasure.</summary>
    public const string SelectClearSubjects = "SELECT clear_subjects FROM erasures WHERE erasure_id = @erasure_id";
}
