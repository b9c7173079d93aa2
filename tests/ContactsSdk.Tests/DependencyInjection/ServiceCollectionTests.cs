using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.DependencyInjection;

/// <summary>The DI registration end to end: configuration, IHttpClientFactory pipeline, shared token cache.</summary>
public sealed class ServiceCollectionTests
{
    [Fact]
    public async Task A_client_from_the_container_deletes_through_the_factory_pipeline_and_shares_its_token()
    {
        var clock = new VirtualClock();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketingCloud:EndpointOverride"] = emulator.BaseAddress.ToString(),
            ["MarketingCloud:ClientId"] = emulator.Credentials.ClientId,
            ["MarketingCloud:ClientSecret"] = emulator.Credentials.ClientSecret,
            ["MarketingCloud:AccountId"] = emulator.Credentials.AccountId.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddContactsSdk(configuration.GetSection(ContactsClientOptions.DefaultSectionName));
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<ContactsClient>();
        var started = await first.StartDeletionByKeysAsync(new[] { "contact-1" });
        var second = provider.GetRequiredService<ContactsClient>();
        var result = await second.WaitForDeletionAsync(started.OperationId);

        Assert.Same(first, second);
        Assert.True(result.IsDeleted);
        // Hourly polls outlive an 18-minute token, so those need a fresh one each; the quick polls of
        // the first minutes share theirs. Either way no call fetches a token it could have reused.
        Assert.True(emulator.Statistics.TokenRequests < result.RequestsMade, $"{emulator.Statistics.TokenRequests} tokens for {result.RequestsMade} calls");
        Assert.Equal(0, emulator.Statistics.UnauthorizedResponses);
    }

    [Fact]
    public async Task The_singleton_client_moves_to_the_factorys_new_handlers_when_they_rotate()
    {
        // A singleton that kept one HttpClient from the factory would pin its first handler (and
        // its DNS answers) forever. The client's requests go through the factory's current handler.
        await using var emulator = await MarketingCloudEmulator.StartAsync();
        var primaryHandlers = 0;
        var services = new ServiceCollection().AddContactsSdk(o => o.ConnectTo(emulator));
        services.AddHttpClient(ContactsSdkServiceCollectionExtensions.ApiHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                System.Threading.Interlocked.Increment(ref primaryHandlers);
                return new System.Net.Http.SocketsHttpHandler();
            })
            .SetHandlerLifetime(TimeSpan.FromSeconds(1)); // the factory's minimum
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ContactsClient>();
        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });
        Assert.Equal(1, primaryHandlers);

        // Bounded: the factory expires a handler on its own real-time timer.
        for (var attempt = 0; attempt < 50 && primaryHandlers < 2; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            await client.GetDeletionStatusAsync(started.OperationId);
        }

        Assert.Same(client, provider.GetRequiredService<ContactsClient>());
        Assert.True(primaryHandlers >= 2, "the client kept using its first handler after the factory rotated it");
    }
}
