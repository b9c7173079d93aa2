using System.Collections.Generic;
using System.Text.Json.Serialization;
using System;

namespace ContactsSdk.Erasure.Receipts;

/// <summary>
/// What an auditor reads when an erasure has ended: version 1 of the receipt schema
/// (docs/erasure-receipt.md). It holds no identifier in clear: subjects appear as keyed hashes.
/// </summary>
public sealed record ErasureReceipt
{
    /// <summary>The schema identifier of this version.</summary>
    public const string SchemaV1 = "contactssdk.erasure-receipt/1";

    /// <summary>Always <see cref="SchemaV1"/> for this type.</summary>
    public string Schema { get; init; } = SchemaV1;

    /// <summary>The caller's request ID.</summary>
    public required string RequestId { get; init; }

    /// <summary>The ledger's ID of the erasure.</summary>
    public required Guid ErasureId { get; init; }

    /// <summary>The business unit (MID) it ran under, when known.</summary>
    public AccountId? AccountId { get; init; }

    /// <summary>What the subjects were (contact keys, IDs, email addresses).</summary>
    public required SubjectKind SubjectKind { get; init; }

    /// <summary>How many distinct subjects were submitted.</summary>
    public required int SubjectCount { get; init; }

    /// <summary>The subjects' keyed hashes.</summary>
    public required ReceiptHashes SubjectHashes { get; init; }

    /// <summary>For an erasure by email address, the hashes of the contact keys the addresses resolved to.</summary>
    public ReceiptHashes? ResolvedContactKeyHashes { get; init; }

    /// <summary>The Marketing Cloud deletion operation, when one was accepted.</summary>
    public long? OperationId { get; init; }

    /// <summary>Every service message ID Marketing Cloud returned, in order, without repeats.</summary>
    public required IReadOnlyList<string> ServiceMessageIds { get; init; }

    /// <summary>The restorable period the deletion reported, in days.</summary>
    public int? NumberOfRestorableDays { get; init; }

    /// <summary>
    /// The delete request that carried the erasure's contacts, when it was shared with other erasures
    /// (or sent alone) as a batch: its ID, how many erasures rode it and how many contacts it carried.
    /// The receipt holds only this erasure's own subject hashes.
    /// </summary>
    public ReceiptBatch? Batch { get; init; }

    /// <summary>When the erasure was recorded.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When Marketing Cloud's acceptance of the deletion was recorded.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>When the verdict was recorded.</summary>
    public required DateTimeOffset ConcludedAt { get; init; }

    /// <summary>
    /// The legal deadline: regime, received-at, original and final due date, extensions (reason codes),
    /// and whether it was met. Absent for an erasure recorded before deadlines were.
    /// </summary>
    public DeadlineSummary? Deadline { get; init; }

    /// <summary>Every observed status change, with the raw wire values.</summary>
    public required IReadOnlyList<ReceiptTransition> Transitions { get; init; }

    /// <summary>How many times a delete request was sent (or about to be).</summary>
    public required int Attempts { get; init; }

    /// <summary>Every failure and reconciliation on the way, as codes.</summary>
    public required IReadOnlyList<ReceiptEvent> Events { get; init; }

    /// <summary>How the erasure ended.</summary>
    public required ErasureVerdict Verdict { get; init; }

    /// <summary>The versions of ContactsSdk and ContactsSdk.Erasure that wrote the receipt.</summary>
    public required string SdkVersion { get; init; }

    /// <summary>Where the receipt sits in the ledger: the entries it covers and the hash of the last.</summary>
    public required ReceiptLedgerAnchor Ledger { get; init; }
}

/// <summary>Keyed hashes of identifiers.</summary>
public sealed record ReceiptHashes
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ReceiptHashes(string algorithm, string keyId, IReadOnlyList<string> values)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        Values = values;
    }

    /// <summary>Always <c>HMAC-SHA256</c>.</summary>
    public string Algorithm { get; init; }

    /// <summary>The name of the key (ErasureOptions.SubjectHashKeyId).</summary>
    public string KeyId { get; init; }

    /// <summary>Lower-case hex hashes, one per identifier.</summary>
    public IReadOnlyList<string> Values { get; init; }
}

/// <summary>One observed status of the deletion.</summary>
public sealed record ReceiptTransition
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ReceiptTransition(DateTimeOffset at, string phase, string state, string? operationStatus, IReadOnlyList<string?>? backgroundOperationStatuses, DateTimeOffset? responseDateTime)
    {
        At = at;
        Phase = phase;
        State = state;
        OperationStatus = operationStatus;
        BackgroundOperationStatuses = backgroundOperationStatuses;
        ResponseDateTime = responseDateTime;
    }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The lifecycle phase (Suppression, Delete).</summary>
    public string Phase { get; init; }

    /// <summary>The interpreted state.</summary>
    public string State { get; init; }

    /// <summary>The raw <c>operation.status</c>.</summary>
    public string? OperationStatus { get; init; }

    /// <summary>The raw <c>backgroundOperationStatusID</c> values.</summary>
    public IReadOnlyList<string?>? BackgroundOperationStatuses { get; init; }

    /// <summary>The response's <c>responseDateTime</c>, with its offset.</summary>
    public DateTimeOffset? ResponseDateTime { get; init; }
}

/// <summary>A failure or a reconciliation.</summary>
public sealed record ReceiptEvent
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ReceiptEvent(DateTimeOffset at, string kind, string? errorKind, int? httpStatus, int? errorCode, IReadOnlyList<string>? resultCodes, long? operationId)
    {
        At = at;
        Kind = kind;
        ErrorKind = errorKind;
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        ResultCodes = resultCodes;
        OperationId = operationId;
    }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The ledger entry kind (outcome-unknown, not-processed, reconciled, not-received, poll-failed, refused).</summary>
    public string Kind { get; init; }

    /// <summary>The kind of error, when there was one.</summary>
    public string? ErrorKind { get; init; }

    /// <summary>The HTTP status, when known.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Marketing Cloud's gateway error code, when known.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Marketing Cloud's service result codes, when any.</summary>
    public IReadOnlyList<string>? ResultCodes { get; init; }

    /// <summary>The operation found by a reconciliation.</summary>
    public long? OperationId { get; init; }
}

/// <summary>The ledger entries a receipt covers.</summary>
public sealed record ReceiptLedgerAnchor
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ReceiptLedgerAnchor(long entries, string lastHash)
    {
        Entries = entries;
        LastHash = lastHash;
    }

    /// <summary>How many entries preceded the receipt.</summary>
    public long Entries { get; init; }

    /// <summary>The hash of the last of them.</summary>
    public string LastHash { get; init; }
}

/// <summary>
/// The shared delete request an erasure rode, and what Marketing Cloud's delete-operations list
/// reported of its call once processed (for the whole request, not one erasure; null when not read).
/// </summary>
public sealed record ReceiptBatch
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal ReceiptBatch(Guid batchId, int erasureCount, int contactCount)
    {
        BatchId = batchId;
        ErasureCount = erasureCount;
        ContactCount = contactCount;
    }

    /// <summary>The batch's ID in the ledger.</summary>
    public Guid BatchId { get; init; }

    /// <summary>How many erasures rode the request.</summary>
    public int ErasureCount { get; init; }

    /// <summary>How many contacts the request carried in all.</summary>
    public int ContactCount { get; init; }

    /// <summary>The list's status of the call (for example Completed or CompletedWithErrors), as sent.</summary>
    public string? ListStatus { get; init; }

    /// <summary>The contacts of the request the call processed (<c>successCount</c>).</summary>
    public long? SuccessCount { get; init; }

    /// <summary>The contacts of the request that errored out (<c>errorCount</c>).</summary>
    public long? ErrorCount { get; init; }

    /// <summary>When the call's processing started, as the list gives it (UTC, no offset).</summary>
    public string? ProcessingStartedAt { get; init; }

    /// <summary>When it ended: the start of the restorable days (UTC, no offset).</summary>
    public string? ProcessingEndedAt { get; init; }

    /// <summary>Until when the contacts can be restored (<c>restorableUntilDate</c>, UTC, no offset).</summary>
    public string? RestorableUntil { get; init; }
}
