using System.Linq;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// The webhook endpoints from configuration: <c>Erasure:Webhooks:0:Name</c>, <c>…:Url</c>,
/// <c>…:Secret</c> and optionally <c>…:Events:0</c> (none for every event type), one index per
/// endpoint; the retry settings from <c>Erasure:WebhookDelivery</c> (<c>MaxAttempts</c>,
/// <c>FirstRetryDelay</c>, … as <see cref="ErasureWebhookOptions"/> names them). Without any endpoint,
/// no webhooks are sent and the health check is not added.
/// </summary>
internal static class ServiceWebhooks
{
    public const string Section = "Erasure:Webhooks";

    public const string DeliverySection = "Erasure:WebhookDelivery";

    public static void AddFromConfiguration(IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder healthChecks)
    {
        var section = configuration.GetSection(Section);
        if (!section.GetChildren().Any())
        {
            return;
        }
        // A bad endpoint stops the start with a message naming it (never its secret).
        services.AddContactsErasureWebhooks(o =>
        {
            configuration.GetSection(DeliverySection).Bind(o);
            section.Bind(o.Endpoints);
        });
        healthChecks.AddContactsErasureWebhookCheck();
    }
}
