using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// The webhook outbox in the ledger database (schema 6). Entry events are written by the store's own
/// ledger writes, in their transaction; this is the rest: deadline events, fanning events out to the
/// endpoints, claiming deliveries under a lease, recording attempts, and the counts operators see.
/// </summary>
internal interface IWebhookOutbox
{
    /// <summary>Records deadline events; one per erasure, event type and due date, however often called.</summary>
    /// <returns>How many were new.</returns>
    Task<int> RecordDeadlineEventsAsync(IReadOnlyList<DeadlineEvent> events, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Creates, for up to <paramref name="limit"/> events not fanned out yet, one delivery per endpoint
    /// subscribed to the event's type, and marks the events fanned out; all in one transaction.
    /// </summary>
    /// <returns>How many events were fanned out.</returns>
    Task<int> FanOutAsync(Func<string, IReadOnlyList<string>> endpointsFor, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="limit"/> due deliveries to <paramref name="holder"/> until <paramref name="leaseUntil"/>.</summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string holder, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Records an attempt's outcome while <paramref name="holder"/> still holds the lease.</summary>
    /// <returns>False when the lease was lost (nothing recorded).</returns>
    Task<bool> RecordAttemptAsync(string holder, DeliveryAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Per endpoint: pending and failed deliveries, the oldest pending, last success and error; and the events not fanned out.</summary>
    Task<OutboxCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Makes an endpoint's failed deliveries pending again, due now.</summary>
    /// <returns>How many.</returns>
    Task<int> RetryFailedAsync(string endpoint, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A deadline event to record: the erasure, its type, the due date it is about and the projected end.</summary>
internal sealed record DeadlineEvent(Guid ErasureId, string EventType, DateTimeOffset DueAt, DateTimeOffset ProjectedEndAt);

/// <summary>What one event says, as the outbox recorded it (never a subject).</summary>
internal sealed record OutboxEvent
{
    public required long Sequence { get; init; }
    public required string EventType { get; init; }
    public required Guid ErasureId { get; init; }
    public required string RequestId { get; init; }
    public required ErasureState State { get; init; }
    public ErasureVerdict? Verdict { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ConcludedAt { get; init; }
    public long? EntrySequence { get; init; }
    public string? EntryKind { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? ProjectedEndAt { get; init; }
}

/// <summary>A delivery leased to this node: which endpoint, the attempts so far, and its event.</summary>
internal sealed record ClaimedDelivery(Guid DeliveryId, string Endpoint, int Attempts, DateTimeOffset CreatedAt, OutboxEvent Event);

/// <summary>One attempt's outcome: delivered, to be tried again at <see cref="NextAttemptAt"/>, or given up.</summary>
internal sealed record DeliveryAttempt
{
    public required Guid DeliveryId { get; init; }
    public required string Endpoint { get; init; }
    public required DateTimeOffset At { get; init; }
    public required bool Delivered { get; init; }
    public bool GivenUp { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public int? Status { get; init; }
    public string? Error { get; init; }
}

/// <summary>The outbox's counts: per endpoint, and the events still to be fanned out.</summary>
internal sealed record OutboxCounts(IReadOnlyList<EndpointCounts> Endpoints, int UnfannedEvents, DateTimeOffset? OldestUnfannedAt);

/// <summary>One endpoint's counts and last outcomes.</summary>
internal sealed record EndpointCounts
{
    public required string Endpoint { get; init; }
    public int Pending { get; init; }
    public int Failed { get; init; }
    public DateTimeOffset? OldestPendingAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public string? LastError { get; init; }
    public int? LastStatus { get; init; }
}
