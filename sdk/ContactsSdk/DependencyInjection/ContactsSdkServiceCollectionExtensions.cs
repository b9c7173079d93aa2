using System;
using System.Net.Http;
using ContactsSdk;
using ContactsSdk.Authentication;
using ContactsSdk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

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
        var auth = services.AddHttpClient(AuthHttpClientName);
        auth.RedactLoggedHeaders(static _ => true);
        auth.ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
        {
            foreach (var handler in ContactsHttpPipeline.CreateAuthHandlers())
            {
                handlers.Add(handler);
            }
        });

        // One token cache for the application, as the client is one.
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value;
            return new MarketingCloudTokenProvider(
                LongLivedClient(provider, AuthHttpClientName, options.RequestTimeout),
                options,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<MarketingCloudTokenProvider>>());
        });

        // One rate-limit gate for the application: a 50200 pause and the request budget hold for
        // every request of the client, and survive the factory's handler rotation.
        services.TryAddSingleton(provider => new ContactsRequestGate(
            provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ContactsRequestGate>>()));

        var api = services.AddHttpClient(ApiHttpClientName);
        api.RedactLoggedHeaders(static _ => true);
        api.ConfigurePrimaryHttpMessageHandler(() => Microsoft.Kiota.Http.HttpClientLibrary.KiotaClientFactory.GetDefaultHttpMessageHandler());
        api.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            var handlersToAdd = ContactsHttpPipeline.CreateHandlers(
                provider.GetRequiredService<MarketingCloudTokenProvider>(),
                provider.GetRequiredService<ContactsRequestGate>(),
                provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value);
            foreach (var handler in handlersToAdd)
            {
                handlers.Add(handler);
            }
        });

        // A singleton, as the Azure SDK registers its clients: the client is thread-safe and holds
        // the token cache. (Registered transient, a disposable client is kept by the root provider
        // until the application ends: every resolution leaked one.)
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value;
            return new ContactsClient(
                // No HttpClient timeout: the pipeline applies RequestTimeout once a request leaves the gate.
                LongLivedClient(provider, ApiHttpClientName, System.Threading.Timeout.InfiniteTimeSpan),
                provider.GetRequiredService<MarketingCloudTokenProvider>(),
                options,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILoggerFactory>(),
                ownsHttpClient: true);
        });
        return services;
    }

    /// <summary>
    /// An HttpClient that lives as long as the singleton holding it, over the factory's current
    /// handlers for <paramref name="name"/> (see <see cref="HttpClientFactoryHandler"/>).
    /// </summary>
    private static HttpClient LongLivedClient(IServiceProvider provider, string name, TimeSpan timeout) =>
        new(new HttpClientFactoryHandler(provider.GetRequiredService<IHttpMessageHandlerFactory>(), name), disposeHandler: true)
        {
            Timeout = timeout,
        };
}
