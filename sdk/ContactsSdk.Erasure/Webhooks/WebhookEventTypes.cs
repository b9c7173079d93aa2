using System.Collections.Generic;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>The webhook event types (the <c>type</c> of a payload and the <c>ContactsSdk-Event</c> header). Never renamed.</summary>
public static class WebhookEventTypes
{
    /// <summary>A step of an erasure was recorded in the ledger (every ledger entry but the one that closes it).</summary>
    public const string StateChanged = "erasure.state_changed";

    /// <summary>An erasure was closed: its verdict and receipt are recorded.</summary>
    public const string Closed = "erasure.closed";

    /// <summary>An erasure's deletion is projected to end after its due date (once per erasure and due date).</summary>
    public const string AtRisk = "erasure.at_risk";

    /// <summary>An erasure is past its due date and still open (once per erasure and due date).</summary>
    public const string Overdue = "erasure.overdue";

    /// <summary>Every event type, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [StateChanged, Closed, AtRisk, Overdue];
}
