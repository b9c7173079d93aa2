using System;
using System.Net.Http;
using ContactsSdk.Authentication;
using ContactsSdk.Configuration;
using ContactsSdk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactsSdk.DependencyInjection;

/// <summary>Registers <see cref="ContactsClient"/> in a service collection.</summary>
public static class ContactsSdkServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient that calls the Contacts REST API.</summary>
    public const string ApiHttpClientName = "ContactsSdk.Api";

    /// <summary>The name of the HttpClient that calls the token endpoint.</summary>
    public const string AuthHttpClientName = "ContactsSdk.Auth";

    /// <summary>
    /// Registers the client with options bound from <paramref name="configuration"/> (for example
    /// the <c>MarketingCloud</c> section) and validated when the host starts.
    /// </summary>
    public static IServiceCollection AddContactsSdk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ContactsClientOptions>().Bind(configuration).ValidateOnStart();
        return services.AddContactsSdkCore();
    }

    /// <summary>Registers the client with options set in code, validated when the host starts.</summary>
    public static IServiceCollection AddContactsSdk(this IServiceCollection services, Action<ContactsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ContactsClientOptions>().Configure(configure).ValidateOnStart();
        return services.AddContactsSdkCore();
    }

    private static IServiceCollection AddContactsSdkCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactsClientOptions>, ContactsClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The factory's logging writes header values at Trace level, and before .NET 9 it redacts
        // none by default: the API client's Authorization header would reach the log. Neither
        // client sends a header worth logging, so every value is redacted.
        services.AddHttpClient(AuthHttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value.RequestTimeout)
            .RedactLoggedHeaders(static _ => true);

        // One token provider for the application: the token cache must outlive the short-lived
        // HttpClients the factory hands out.
        services.TryAddSingleton(provider => new MarketingCloudTokenProvider(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(AuthHttpClientName),
            provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<MarketingCloudTokenProvider>>()));

        // One rate-limit gate for the application: a 50200 pause and the request budget hold for
        // every client the container hands out, and survive the factory's handler rotation.
        services.TryAddSingleton(provider => new ContactsRequestGate(
            provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ContactsRequestGate>>()));

        // No HttpClient timeout: the pipeline applies RequestTimeout once a request leaves the gate.
        var api = services.AddHttpClient(ApiHttpClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        api.RedactLoggedHeaders(static _ => true);
        api.ConfigurePrimaryHttpMessageHandler(() => Microsoft.Kiota.Http.HttpClientLibrary.KiotaClientFactory.GetDefaultHttpMessageHandler());
        api.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            var handlersToAdd = ContactsHttpPipeline.CreateHandlers(
                provider.GetRequiredService<MarketingCloudTokenProvider>(),
                provider.GetRequiredService<ContactsRequestGate>(),
                provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value.RequestTimeout);
            foreach (var handler in handlersToAdd)
            {
                handlers.Add(handler);
            }
        });

        services.TryAddTransient(provider => new ContactsClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(ApiHttpClientName),
            provider.GetRequiredService<MarketingCloudTokenProvider>(),
            provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return services;
    }
}
