using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// The body of a delivery: which delivery and event, and the erasure as the event left it. Only
/// ledger facts: no subject, contact key or email address is ever part of it.
/// </summary>
internal sealed record WebhookPayload(
    Guid DeliveryId,
    string Type,
    DateTimeOffset OccurredAt,
    WebhookErasure Erasure,
    WebhookEntry? Entry,
    DateTimeOffset? ProjectedEndAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static byte[] Serialize(Guid deliveryId, OutboxEvent e) => JsonSerializer.SerializeToUtf8Bytes(
        new WebhookPayload(
            deliveryId,
            e.EventType,
            e.OccurredAt,
            new WebhookErasure(e.ErasureId, e.RequestId, e.State, e.Verdict, e.SubmittedAt, e.DueAt, e.ConcludedAt),
            e.EntrySequence is { } sequence ? new WebhookEntry(sequence, e.EntryKind!) : null,
            e.ProjectedEndAt),
        Json);
}

/// <summary>The erasure in a payload.</summary>
internal sealed record WebhookErasure(
    Guid Id, string RequestId, ErasureState State, ErasureVerdict? Verdict, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, DateTimeOffset? ConcludedAt);

/// <summary>The ledger entry an event stands for (its sequence number and kind, <see cref="Ledger.EntryKinds"/>).</summary>
internal sealed record WebhookEntry(long Sequence, string Kind);
