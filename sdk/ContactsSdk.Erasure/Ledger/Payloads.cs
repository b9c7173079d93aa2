using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactsSdk.Erasure.Ledger;

// The facts each ledger entry records. None holds an identifier in clear or a free-text message
// from Marketing Cloud (which may quote one): only hashes, counts, codes and raw status values.

/// <summary>
/// The submission. The deadline fields are absent from entries written before deadlines were
/// recorded: such an erasure has no deadline (nothing is assumed after the fact).
/// </summary>
internal sealed record SubmittedPayload(
    string RequestId,
    long? AccountId,
    SubjectKind SubjectKind,
    int SubjectCount,
    string HashAlgorithm,
    string KeyId,
    IReadOnlyList<string> SubjectHashes,
    string SubjectsDigest,
    DeadlineRegime? Deadline = null,
    int? DeadlineDays = null,
    DateTimeOffset? ReceivedAt = null,
    DateTimeOffset? DueAt = null);

/// <summary>
/// A deadline extension. The text is the operator's own words and may name a person: it stays in
/// this entry, and never goes into a log, a metric, an exception, a receipt or the CSV.
/// </summary>
internal sealed record DeadlineExtendedPayload(DateTimeOffset PreviousDueAt, DateTimeOffset NewDueAt, DeadlineExtensionReason Reason, string? ReasonText);

/// <summary>What an email erasure's addresses resolved to, as counts and hashes.</summary>
/// <param name="AddressCount">The addresses looked up.</param>
/// <param name="AddressesWithoutMatch">Those that matched no contact.</param>
/// <param name="ContactKeyCount">The distinct contact keys found.</param>
/// <param name="ContactKeyHashes">Their hashes.</param>
/// <param name="KeyId">The subject-hash key of the hashes: the current one when the addresses were resolved (null in entries written before key rotation existed: the submission's key).</param>
internal sealed record ResolvedPayload(int AddressCount, int AddressesWithoutMatch, int ContactKeyCount, IReadOnlyList<string> ContactKeyHashes, string? KeyId = null);

/// <summary>
/// The delete request an erasure rides: shared by <see cref="ErasureCount"/> erasures and carrying
/// <see cref="ContactCount"/> contacts in all (the erasure's own count is beside it, its hashes in its
/// own entries: never another erasure's).
/// </summary>
internal sealed record BatchInfo(Guid BatchId, int ErasureCount, int ContactCount, Guid? SplitFrom = null);

// Attempt is the erasure's own count of requests before batches; a batch's intent records the batch instead.
internal sealed record IntentPayload(int? Attempt, string DeleteType, int ContactCount, BatchInfo? Batch = null);

internal sealed record AcceptedPayload(long OperationId, string? RequestServiceMessageId, string? ServiceMessageId, DateTimeOffset? ResponseDateTime, BatchInfo? Batch = null);

internal sealed record ReconciledPayload(long OperationId, string? ReceivedDateUtc, long? TotalContactCount, string? RawStatus, int RequestsChecked, BatchInfo? Batch = null);

/// <summary>Marketing Cloud refused a shared request: the erasure rides a smaller one next (the refusing erasure is isolated by halving).</summary>
internal sealed record RefusedInBatchPayload(BatchInfo Batch, string? ServiceMessageId, IReadOnlyList<ResultCode> Errors, Guid NextBatchId);

/// <summary>The candidates of an ambiguous reconciliation.</summary>
internal sealed record AmbiguousPayload(Guid BatchId, long ContactCount, IReadOnlyList<long> CandidateOperationIds);

/// <summary>
/// A person's decision on an ambiguous reconciliation: the operation that is the batch's request, or
/// null for none. <see cref="DecidedBy"/> names the person (from the host's authentication): it stays in
/// this entry, never in a log, a receipt or the CSV.
/// </summary>
internal sealed record DecidedPayload(Guid BatchId, long? OperationId, string DecidedBy, IReadOnlyList<long> CandidateOperationIds);

internal sealed record NotReceivedPayload(string WindowStartUtc, string WindowEndUtc, int RequestsChecked, Guid? BatchId = null);

internal sealed record FailurePayload(string Step, ErrorInfo Error, Guid? BatchId = null);

internal sealed record RefusedPayload(string? ServiceMessageId, IReadOnlyList<ResultCode> Errors, BatchInfo? Batch = null);

internal sealed record ObservedPayload(
    string Phase,
    string State,
    string? OperationStatus,
    IReadOnlyList<string?>? BackgroundOperationStatuses,
    DateTimeOffset? ResponseDateTime,
    int? NumberOfRestorableDays,
    string? ServiceMessageId,
    string? RequestServiceMessageId);

/// <summary>
/// The shared request's call was processed (it left Marketing Cloud's queue), with what the
/// delete-operations list reports of it (null when the list could not be read or did not show it).
/// The counts are the whole request's, not one erasure's.
/// </summary>
internal sealed record ProcessedPayload(
    long OperationId, Guid BatchId, string? ListStatus, long? SuccessCount, long? ErrorCount, string? StartTime, string? EndTime, string? RestorableUntilDate);

internal sealed record VerdictPayload(ErasureVerdict Verdict, string? LifecycleState);

/// <summary>A failure as codes only: what kind, which HTTP status, which Marketing Cloud error code.</summary>
internal sealed record ErrorInfo(string Kind, int? HttpStatus, int? ErrorCode, IReadOnlyList<ResultCode>? ResultCodes);

/// <summary>One result message of a Marketing Cloud answer, without its text.</summary>
internal sealed record ResultCode(string? ResultType, string? ResultClass, string? Code);

internal static class LedgerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"An empty {typeof(T).Name} entry.");
}
