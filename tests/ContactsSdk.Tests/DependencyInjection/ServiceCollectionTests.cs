using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Configuration;
using ContactsSdk.DependencyInjection;
using ContactsSdk.Testing;
using ContactsSdk.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

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
}
