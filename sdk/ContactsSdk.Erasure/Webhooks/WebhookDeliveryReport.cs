using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>How webhook deliveries stand: per endpoint, and the events not yet handed to the endpoints.</summary>
public sealed class WebhookDeliveryReport
{
    /// <summary>When the counts were read.</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>Every registered endpoint, then any endpoint the outbox still holds deliveries for that is no longer registered.</summary>
    public required IReadOnlyList<WebhookEndpointHealth> Endpoints { get; init; }

    /// <summary>Events recorded but not yet turned into deliveries (the delivery job does that on its next run).</summary>
    public int EventsAwaitingDispatch { get; init; }

    /// <summary>When the oldest of <see cref="EventsAwaitingDispatch"/> happened.</summary>
    public DateTimeOffset? OldestEventAwaitingDispatchAt { get; init; }
}

/// <summary>One endpoint's deliveries.</summary>
public sealed class WebhookEndpointHealth
{
    /// <summary>The endpoint's name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether the endpoint is registered now (deliveries of a removed one stay visible).</summary>
    public bool Registered { get; init; }

    /// <summary>Deliveries still to be made (first attempt or a retry).</summary>
    public int Pending { get; init; }

    /// <summary>Deliveries given up after the most attempts or the longest age: undeliverable until sent again.</summary>
    public int Failed { get; init; }

    /// <summary>When the oldest pending delivery was created.</summary>
    public DateTimeOffset? OldestPendingAt { get; init; }

    /// <summary>The endpoint's last successful delivery.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>The endpoint's last failed attempt.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>What the last failed attempt met (an HTTP status or a connection error; never the secret or a payload).</summary>
    public string? LastError { get; init; }

    /// <summary>The HTTP status of the last attempt, when there was an answer.</summary>
    public int? LastStatus { get; init; }
}
