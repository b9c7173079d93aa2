using System;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the erasure workflow's webhooks.</summary>
public static class ErasureWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds signed webhooks from the ledger's outbox: the endpoints in <paramref name="configure"/>
    /// receive the events they subscribe to, at least once, delivered by a Quartz job in the erasure
    /// worker's scheduler (with <c>AddContactsErasure</c>). Adds <see cref="IErasureWebhooks"/> for the
    /// delivery counts.
    /// </summary>
    /// <exception cref="InvalidOperationException">An endpoint or setting cannot work (the message names the endpoint, never its secret).</exception>
    public static IServiceCollection AddContactsErasureWebhooks(this IServiceCollection services, Action<ErasureWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ErasureWebhookOptions();
        configure(options);
        options.Validate();

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookSender.HttpClientName)
            // The factory's logging writes each request's URL, and an endpoint's URL may carry a token of
            // the receiver's: the dispatcher logs deliveries by ID and endpoint name instead.
            .RemoveAllLoggers()
            // A receiver answers itself: a redirect is a failed attempt, never followed with the signed body.
            .ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<IWebhookOutbox>(provider => provider.GetRequiredService<IErasureLedgerStore>() as IWebhookOutbox
            ?? throw new InvalidOperationException("Webhooks need the ledger's outbox: use the SQLite or PostgreSQL ledger store of ContactsSdk.Erasure."));
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton(provider => new WebhookDispatcher(
            provider.GetRequiredService<IWebhookOutbox>(),
            options,
            provider.GetRequiredService<WebhookSender>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<WebhookDispatcher>>() ?? NullLogger<WebhookDispatcher>.Instance));
        services.TryAddSingleton<DeadlineWebhookEvents>();
        services.TryAddSingleton<IErasureWebhooks, ErasureWebhooks>();
        services.TryAddTransient<DeliverWebhooksJob>();
        services.AddHostedService<WebhookStartup>();
        return services;
    }
}
