using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsSdk.Erasure.Worker;

/// <summary>
/// The worker's webhook mode, for the webhook crash tests: with <c>ERASURE_WEBHOOK_URL</c> (and
/// <c>ERASURE_WEBHOOK_SECRET</c>) set, the worker delivers webhooks to that URL, retries within a
/// fraction of a second, and only counts as done once every delivery was made.
/// </summary>
internal static class WebhookMode
{
    /// <summary>The receiver's endpoint name in the worker.</summary>
    public const string EndpointName = "crash-receiver";

    public static string? Url => Environment.GetEnvironmentVariable("ERASURE_WEBHOOK_URL") is { Length: > 0 } url ? url : null;

    public static void Register(IServiceCollection services, string url) => services.AddContactsErasureWebhooks(o =>
    {
        o.Endpoints.Add(new WebhookEndpoint
        {
            Name = EndpointName,
            Url = url,
            Secret = Environment.GetEnvironmentVariable("ERASURE_WEBHOOK_SECRET") ?? throw new ArgumentException("ERASURE_WEBHOOK_SECRET is required with ERASURE_WEBHOOK_URL."),
        });
        o.DeliveryInterval = TimeSpan.FromMilliseconds(200);
        o.FirstRetryDelay = TimeSpan.FromMilliseconds(200);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(500);
        // A killed worker's lease (six request timeouts) runs out within seconds.
        o.RequestTimeout = TimeSpan.FromSeconds(1);
        o.MaxAttempts = 10_000;
    });

    /// <summary>Whether every event was delivered (none waiting to be dispatched, none pending, none failed).</summary>
    public static async Task<bool> AllDeliveredAsync(IServiceProvider services)
    {
        var report = await services.GetRequiredService<IErasureWebhooks>().GetDeliveryReportAsync();
        return report.EventsAwaitingDispatch == 0 && report.Endpoints.All(e => e.Pending == 0 && e.Failed == 0);
    }
}
