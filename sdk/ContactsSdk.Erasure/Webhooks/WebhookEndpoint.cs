using System.Collections.Generic;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// A receiver of webhooks, registered by the host (bindable from configuration, e.g.
/// <c>Erasure:Webhooks:0:Name</c>, <c>…:Url</c>, <c>…:Secret</c>, <c>…:Events:0</c>).
/// </summary>
public sealed class WebhookEndpoint
{
    /// <summary>The endpoint's name: unique, shown in the delivery health and stored with each delivery (letters, digits, '.', '_', '-').</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Where deliveries are POSTed: an absolute http or https URL.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The secret every delivery is signed with (HMAC-SHA256, <see cref="WebhookSignature"/>). Never logged.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The event types sent to this endpoint (<see cref="WebhookEventTypes"/>); empty for all.</summary>
    public IList<string> Events { get; set; } = [];

    /// <summary>Whether this endpoint receives events of <paramref name="eventType"/>.</summary>
    public bool Receives(string eventType) => Events is not { Count: > 0 } || Events.Contains(eventType);
}
