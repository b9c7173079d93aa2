using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Receipts;

/// <summary>Builds a receipt from an erasure's ledger entries alone.</summary>
internal static class ReceiptBuilder
{
    public const string HashAlgorithm = "HMAC-SHA256";

    public static readonly string SdkVersion =
        $"ContactsSdk {Version(typeof(ContactsClient).Assembly)}; ContactsSdk.Erasure {Version(typeof(ReceiptBuilder).Assembly)}";

    public static ErasureReceipt Build(ErasureRecord record, IReadOnlyList<LedgerEntry> entries)
    {
        var submitted = LedgerJson.Read<SubmittedPayload>(entries[0].Payload);
        ReceiptHashes? resolved = null;
        long? operationId = null;
        DateTimeOffset? acceptedAt = null;
        int? restorableDays = null;
        var messageIds = new List<string>();
        var transitions = new List<ReceiptTransition>();
        var events = new List<ReceiptEvent>();
        var attempts = 0;
        ReceiptBatch? batch = null;
        ProcessedPayload? processed = null;

        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case EntryKinds.Resolved:
                    var resolution = LedgerJson.Read<ResolvedPayload>(entry.Payload);
                    resolved = new ReceiptHashes(HashAlgorithm, resolution.KeyId ?? submitted.KeyId, resolution.ContactKeyHashes);
                    break;
                case EntryKinds.IntentToSend:
                    attempts++;
                    break;
                case EntryKinds.Accepted:
                    var accepted = LedgerJson.Read<AcceptedPayload>(entry.Payload);
                    (operationId, acceptedAt, batch) = (accepted.OperationId, entry.RecordedAt, Batch(accepted.Batch));
                    AddIds(messageIds, accepted.RequestServiceMessageId, accepted.ServiceMessageId);
                    break;
                case EntryKinds.Reconciled:
                    var reconciled = LedgerJson.Read<ReconciledPayload>(entry.Payload);
                    (operationId, acceptedAt, batch) = (reconciled.OperationId, entry.RecordedAt, Batch(reconciled.Batch));
                    events.Add(new ReceiptEvent(entry.RecordedAt, entry.Kind, null, null, null, null, reconciled.OperationId));
                    break;
                case EntryKinds.RequestProcessed:
                    processed = LedgerJson.Read<ProcessedPayload>(entry.Payload);
                    break;
                case EntryKinds.Observed:
                    var observed = LedgerJson.Read<ObservedPayload>(entry.Payload);
                    restorableDays = observed.NumberOfRestorableDays ?? restorableDays;
                    AddIds(messageIds, observed.RequestServiceMessageId, observed.ServiceMessageId);
                    transitions.Add(new ReceiptTransition(entry.RecordedAt, observed.Phase, observed.State, observed.OperationStatus, observed.BackgroundOperationStatuses, observed.ResponseDateTime));
                    break;
                case EntryKinds.Refused:
                    var refused = LedgerJson.Read<RefusedPayload>(entry.Payload);
                    AddIds(messageIds, refused.ServiceMessageId);
                    batch = Batch(refused.Batch);
                    events.Add(new ReceiptEvent(entry.RecordedAt, entry.Kind, "ContactsServiceException", 200, null, Codes(refused.Errors), null));
                    break;
                case EntryKinds.RefusedInBatch:
                    var refusedShared = LedgerJson.Read<RefusedInBatchPayload>(entry.Payload);
                    AddIds(messageIds, refusedShared.ServiceMessageId);
                    events.Add(new ReceiptEvent(entry.RecordedAt, entry.Kind, "ContactsServiceException", 200, null, Codes(refusedShared.Errors), null));
                    break;
                case EntryKinds.OutcomeUnknown or EntryKinds.NotProcessed or EntryKinds.PollFailed:
                    var error = LedgerJson.Read<FailurePayload>(entry.Payload).Error;
                    events.Add(new ReceiptEvent(entry.RecordedAt, entry.Kind, error.Kind, error.HttpStatus, error.ErrorCode, Codes(error.ResultCodes), null));
                    break;
                case EntryKinds.NotReceived:
                    events.Add(new ReceiptEvent(entry.RecordedAt, entry.Kind, null, null, null, null, null));
                    break;
            }
        }

        return new ErasureReceipt
        {
            RequestId = record.RequestId,
            ErasureId = record.ErasureId,
            AccountId = record.AccountId,
            SubjectKind = record.SubjectKind,
            SubjectCount = record.SubjectCount,
            SubjectHashes = new ReceiptHashes(HashAlgorithm, submitted.KeyId, submitted.SubjectHashes),
            ResolvedContactKeyHashes = resolved,
            OperationId = operationId,
            Batch = batch is null || processed is null ? batch : batch with
            {
                ListStatus = processed.ListStatus,
                SuccessCount = processed.SuccessCount,
                ErrorCount = processed.ErrorCount,
                ProcessingStartedAt = processed.StartTime,
                ProcessingEndedAt = processed.EndTime,
                RestorableUntil = processed.RestorableUntilDate,
            },
            ServiceMessageIds = messageIds,
            NumberOfRestorableDays = restorableDays,
            SubmittedAt = record.SubmittedAt,
            AcceptedAt = acceptedAt,
            ConcludedAt = record.ConcludedAt ?? throw new InvalidOperationException($"Erasure {record.ErasureId} has no verdict yet."),
            Deadline = DeadlineRules.Summarize(entries, record.Verdict, record.ConcludedAt),
            Transitions = transitions,
            Attempts = attempts,
            Events = events,
            Verdict = record.Verdict ?? throw new InvalidOperationException($"Erasure {record.ErasureId} has no verdict yet."),
            SdkVersion = SdkVersion,
            Ledger = new ReceiptLedgerAnchor(entries[^1].Sequence, entries[^1].Hash),
        };
    }

    private static ReceiptBatch? Batch(BatchInfo? info) => info is null ? null : new ReceiptBatch(info.BatchId, info.ErasureCount, info.ContactCount);

    private static IReadOnlyList<string>? Codes(IReadOnlyList<ResultCode>? codes) =>
        codes is { Count: > 0 } ? codes.Select(c => c.Code ?? c.ResultType ?? "error").ToList() : null;

    private static void AddIds(List<string> ids, params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value) && !ids.Contains(value))
            {
                ids.Add(value);
            }
        }
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
