using System.Collections.Generic;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// The webhook outbox's SQL (ledger schema 6): the events written in the same transaction as the
/// ledger change that causes them, one delivery row per event and subscribed endpoint, and each
/// endpoint's last success and error. Most statements run unchanged on SQLite and PostgreSQL; the
/// schema's types and the claim's row locking differ (<see cref="Sqlite"/>, <see cref="Postgres"/>).
/// </summary>
internal sealed class WebhookOutboxSql
{
    /// <summary>Version 6's statements.</summary>
    public required IReadOnlyList<string> Migration { get; init; }

    /// <summary>
    /// Selects up to <c>@limit</c> claimable deliveries with their events (columns as
    /// <see cref="ClaimColumns"/>): pending, due at <c>@now</c>, not leased by a live claim, and with no
    /// earlier event of the same erasure still to go to the same endpoint, so each endpoint receives an
    /// erasure's events in order. PostgreSQL locks the rows and skips those another node is claiming.
    /// </summary>
    public required string SelectClaimable { get; init; }

    /// <summary>Selects up to <c>@limit</c> events not yet fanned out to the endpoints, oldest first (locked on PostgreSQL).</summary>
    public required string SelectUnfannedEvents { get; init; }

    /// <summary>The columns <see cref="SelectClaimable"/> returns, in the order the store reads them.</summary>
    public const string ClaimColumns =
        "d.delivery_id, d.endpoint, d.attempts, d.created_at, e.event_seq, e.event_type, e.erasure_id, e.request_id, e.state, e.verdict, " +
        "e.due_at, e.submitted_at, e.concluded_at, e.entry_sequence, e.entry_kind, e.occurred_at, e.projected_end_at";

    private const string ClaimableWhere =
        """
        WHERE d.state = 'Pending' AND d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until <= @now)
          AND NOT EXISTS (SELECT 1 FROM erasure_webhook_deliveries p
                          WHERE p.endpoint = d.endpoint AND p.erasure_id = d.erasure_id AND p.state = 'Pending' AND p.event_seq < d.event_seq)
          AND NOT EXISTS (SELECT 1 FROM erasure_webhook_events u
                          WHERE u.erasure_id = d.erasure_id AND u.fanned_out = 0 AND u.event_seq < d.event_seq)
        ORDER BY d.event_seq
        LIMIT @limit
        """;

    private const string ClaimableFrom =
        $"SELECT {ClaimColumns} FROM erasure_webhook_deliveries d JOIN erasure_webhook_events e ON e.event_seq = d.event_seq";

    private const string UnfannedSelect =
        "SELECT event_seq, event_type FROM erasure_webhook_events WHERE fanned_out = 0 ORDER BY event_seq LIMIT @limit";

    /// <summary>
    /// Writes an entry's event from the erasure's row as the entry left it (state, verdict, due date):
    /// "erasure.closed" for the entry that closes it, "erasure.state_changed" for every other.
    /// </summary>
    public const string InsertEntryEvent =
        """
        INSERT INTO erasure_webhook_events (event_key, event_type, erasure_id, request_id, state, verdict, due_at, submitted_at, concluded_at,
                                            entry_sequence, entry_kind, occurred_at, projected_end_at, fanned_out)
        SELECT @event_key, CASE WHEN state = 'Closed' THEN 'erasure.closed' ELSE 'erasure.state_changed' END, erasure_id, request_id, state, verdict,
               due_at, submitted_at, concluded_at, @entry_sequence, @entry_kind, @occurred_at, NULL, 0
        FROM erasures WHERE erasure_id = @erasure_id
        """;

    /// <summary>Writes a deadline event (at risk, overdue) once per erasure, kind and due date: its key is unique.</summary>
    public const string InsertDeadlineEvent =
        """
        INSERT INTO erasure_webhook_events (event_key, event_type, erasure_id, request_id, state, verdict, due_at, submitted_at, concluded_at,
                                            entry_sequence, entry_kind, occurred_at, projected_end_at, fanned_out)
        SELECT @event_key, @event_type, erasure_id, request_id, state, verdict, due_at, submitted_at, concluded_at, NULL, NULL, @occurred_at, @projected_end_at, 0
        FROM erasures WHERE erasure_id = @erasure_id
        ON CONFLICT (event_key) DO NOTHING
        """;

    /// <summary>Creates one endpoint's delivery of an event, unless it exists.</summary>
    public const string InsertDelivery =
        """
        INSERT INTO erasure_webhook_deliveries (delivery_id, event_seq, endpoint, erasure_id, state, attempts, created_at, next_attempt_at)
        SELECT @delivery_id, event_seq, @endpoint, erasure_id, 'Pending', 0, @now, @now FROM erasure_webhook_events WHERE event_seq = @event_seq
        ON CONFLICT (event_seq, endpoint) DO NOTHING
        """;

    /// <summary>Marks an event as fanned out to the endpoints.</summary>
    public const string MarkFannedOut = "UPDATE erasure_webhook_events SET fanned_out = 1 WHERE event_seq = @event_seq";

    /// <summary>Leases a claimed delivery to <c>@holder</c> until <c>@lease_until</c>.</summary>
    public const string LeaseDelivery =
        "UPDATE erasure_webhook_deliveries SET lease_holder = @holder, lease_until = @lease_until WHERE delivery_id = @delivery_id";

    /// <summary>
    /// Records an attempt's outcome, only while <c>@holder</c> still holds the lease (a node whose lease
    /// ran out and was taken over records nothing: the new holder's attempt counts).
    /// </summary>
    public const string RecordAttempt =
        """
        UPDATE erasure_webhook_deliveries
        SET state = @state, attempts = attempts + 1, next_attempt_at = @next_attempt_at, last_attempt_at = @now, last_status = @last_status,
            last_error = @last_error, delivered_at = @delivered_at, lease_holder = NULL, lease_until = NULL
        WHERE delivery_id = @delivery_id AND lease_holder = @holder
        """;

    /// <summary>Records an endpoint's last success (<c>@success</c> = 1) or last error.</summary>
    public const string RecordEndpointOutcome =
        """
        INSERT INTO erasure_webhook_endpoints (endpoint, last_success_at, last_error_at, last_error, last_status)
        VALUES (@endpoint, CASE WHEN @success = 1 THEN @now ELSE NULL END, CASE WHEN @success = 1 THEN NULL ELSE @now END,
                CASE WHEN @success = 1 THEN NULL ELSE @last_error END, @last_status)
        ON CONFLICT (endpoint) DO UPDATE SET
            last_success_at = CASE WHEN @success = 1 THEN @now ELSE erasure_webhook_endpoints.last_success_at END,
            last_error_at = CASE WHEN @success = 1 THEN erasure_webhook_endpoints.last_error_at ELSE @now END,
            last_error = CASE WHEN @success = 1 THEN erasure_webhook_endpoints.last_error ELSE @last_error END,
            last_status = @last_status
        """;

    /// <summary>Counts the deliveries still pending and those given up, per endpoint and state, with the oldest pending one's creation.</summary>
    public const string CountOpenDeliveries =
        "SELECT endpoint, state, COUNT(*), MIN(created_at) FROM erasure_webhook_deliveries WHERE state <> 'Delivered' GROUP BY endpoint, state";

    /// <summary>Counts the events not yet fanned out to the endpoints, with the oldest one's time.</summary>
    public const string CountUnfannedEvents = "SELECT COUNT(*), MIN(occurred_at) FROM erasure_webhook_events WHERE fanned_out = 0";

    /// <summary>Selects every endpoint's last success and error.</summary>
    public const string SelectEndpointOutcomes = "SELECT endpoint, last_success_at, last_error_at, last_error, last_status FROM erasure_webhook_endpoints";

    /// <summary>Sends an endpoint's failed deliveries again: pending, due at <c>@now</c>, attempts counted from zero.</summary>
    public const string RetryFailed =
        "UPDATE erasure_webhook_deliveries SET state = 'Pending', attempts = 0, next_attempt_at = @now, created_at = @now WHERE endpoint = @endpoint AND state = 'Failed'";

    public static WebhookOutboxSql Sqlite { get; } = new()
    {
        Migration = Schema("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", "TEXT"),
        // SQLite's write transaction (BEGIN IMMEDIATE) already keeps any other node out until the claim commits.
        SelectClaimable = $"{ClaimableFrom}\n{ClaimableWhere}",
        SelectUnfannedEvents = UnfannedSelect,
    };

    public static WebhookOutboxSql Postgres { get; } = new()
    {
        Migration = Schema("bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "bigint", "text"),
        // Rows another node is claiming are skipped, not waited for: two nodes never lease the same delivery.
        SelectClaimable = $"{ClaimableFrom}\n{ClaimableWhere}\nFOR UPDATE OF d SKIP LOCKED",
        SelectUnfannedEvents = $"{UnfannedSelect}\nFOR UPDATE SKIP LOCKED",
    };

    private static string[] Schema(string identity, string integer, string text) =>
    [
        $"""
        CREATE TABLE erasure_webhook_events (
            event_seq        {identity},
            event_key        {text}    NOT NULL UNIQUE,
            event_type       {text}    NOT NULL,
            erasure_id       {text}    NOT NULL,
            request_id       {text}    NOT NULL,
            state            {text}    NOT NULL,
            verdict          {text}    NULL,
            due_at           {integer} NULL,
            submitted_at     {integer} NOT NULL,
            concluded_at     {integer} NULL,
            entry_sequence   {integer} NULL,
            entry_kind       {text}    NULL,
            occurred_at      {integer} NOT NULL,
            projected_end_at {integer} NULL,
            fanned_out       {integer} NOT NULL
        )
        """,
        "CREATE INDEX ix_webhook_events_unfanned ON erasure_webhook_events (erasure_id, event_seq) WHERE fanned_out = 0",
        $"""
        CREATE TABLE erasure_webhook_deliveries (
            delivery_id     {text}    NOT NULL PRIMARY KEY,
            event_seq       {integer} NOT NULL REFERENCES erasure_webhook_events (event_seq),
            endpoint        {text}    NOT NULL,
            erasure_id      {text}    NOT NULL,
            state           {text}    NOT NULL,
            attempts        {integer} NOT NULL,
            created_at      {integer} NOT NULL,
            next_attempt_at {integer} NOT NULL,
            lease_holder    {text}    NULL,
            lease_until     {integer} NULL,
            last_attempt_at {integer} NULL,
            last_status     {integer} NULL,
            last_error      {text}    NULL,
            delivered_at    {integer} NULL,
            UNIQUE (event_seq, endpoint)
        )
        """,
        "CREATE INDEX ix_webhook_deliveries_pending ON erasure_webhook_deliveries (endpoint, erasure_id, event_seq) WHERE state = 'Pending'",
        "CREATE INDEX ix_webhook_deliveries_open ON erasure_webhook_deliveries (endpoint, state) WHERE state <> 'Delivered'",
        $"""
        CREATE TABLE erasure_webhook_endpoints (
            endpoint        {text}    NOT NULL PRIMARY KEY,
            last_success_at {integer} NULL,
            last_error_at   {integer} NULL,
            last_error      {text}    NULL,
            last_status     {integer} NULL
        )
        """,
    ];
}
