using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// Records the deadline check's findings as outbox events: an overdue or at-risk erasure has no ledger
/// entry of its own, so its event is keyed by erasure, type and due date and written once.
/// </summary>
internal sealed class DeadlineWebhookEvents
{
    private readonly IWebhookOutbox _outbox;

    public DeadlineWebhookEvents(IWebhookOutbox outbox)
    {
        _outbox = outbox;
    }

    public Task<int> RecordAsync(DeadlineCheck check, CancellationToken cancellationToken)
    {
        var events = check.Overdue.Select(r => new DeadlineEvent(r.Erasure.ErasureId, WebhookEventTypes.Overdue, r.DueAt, r.ProjectedEndAt))
            .Concat(check.AtRisk.Select(r => new DeadlineEvent(r.Erasure.ErasureId, WebhookEventTypes.AtRisk, r.DueAt, r.ProjectedEndAt)))
            .ToList();
        return events.Count == 0 ? Task.FromResult(0) : _outbox.RecordDeadlineEventsAsync(events, check.CheckedAt, cancellationToken);
    }
}
