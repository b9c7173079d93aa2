namespace ContactsSdk.Erasure.Ledger;

/// <summary>The kinds of ledger entries. Stored as text: never rename one.</summary>
public static class EntryKinds
{
    /// <summary>The erasure was submitted (subject hashes, count, MID; the deadline: regime, received-at, due date).</summary>
    public const string Submitted = "submitted";

    /// <summary>Email addresses were resolved to contact keys (key hashes and counts).</summary>
    public const string Resolved = "resolved";

    /// <summary>The intent to send the delete request (attempt number): written before the request goes out.</summary>
    public const string IntentToSend = "intent-to-send";

    /// <summary>Marketing Cloud accepted the deletion (operation ID, service message IDs).</summary>
    public const string Accepted = "accepted";

    /// <summary>Marketing Cloud refused the delete request (error codes); no deletion started.</summary>
    public const string Refused = "refused";

    /// <summary>Marketing Cloud refused the shared request the erasure rode; it rides a smaller one next (error codes, next batch).</summary>
    public const string RefusedInBatch = "refused-in-batch";

    /// <summary>The request was rejected before the service processed it (429, no connection); it may be sent again.</summary>
    public const string NotProcessed = "not-processed";

    /// <summary>The request's outcome is unknown: reconciliation starts.</summary>
    public const string OutcomeUnknown = "outcome-unknown";

    /// <summary>Reconciliation found the request on the analytics route (operation ID).</summary>
    public const string Reconciled = "reconciled";

    /// <summary>Reconciliation proved the request was not received: it may be sent again.</summary>
    public const string NotReceived = "not-received";

    /// <summary>
    /// Several requests received by Marketing Cloud match a shared request whose outcome is unknown: it
    /// waits for a person (the candidate operation IDs), never for a guess. On the batch's lead.
    /// </summary>
    public const string ReconciliationAmbiguous = "reconciliation-ambiguous";

    /// <summary>A person named the candidate that is the shared request, or said none is (who, and what). On the batch's lead.</summary>
    public const string ReconciliationDecided = "reconciliation-decided";

    /// <summary>The shared request's call was processed and left Marketing Cloud's queue (the list's status and counts).</summary>
    public const string RequestProcessed = "request-processed";

    /// <summary>A new status was observed (phase, state, raw wire values, responseDateTime).</summary>
    public const string Observed = "observed";

    /// <summary>A status read failed (error kind and codes).</summary>
    public const string PollFailed = "poll-failed";

    /// <summary>The deadline was extended (previous and new due date, reason code and the operator's text).</summary>
    public const string DeadlineExtended = "deadline-extended";

    /// <summary>The final verdict.</summary>
    public const string Verdict = "verdict";

    /// <summary>The receipt (its JSON is the payload).</summary>
    public const string Receipt = "receipt";
}
