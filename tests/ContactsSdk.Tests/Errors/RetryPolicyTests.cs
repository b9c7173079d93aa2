using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Contacts.V1.Contacts.Actions.Restrict;
using ContactsSdk.Models;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.Errors;

/// <summary>
/// One retry policy (<see cref="ContactsClientOptions.Retry"/>), applied in the pipeline to every
/// request: the generated routes get the same retries as the client's methods, and a POST is sent
/// again only after an answer that proves it was not processed.
/// </summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset WindowStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_generated_GET_is_retried_after_a_server_error_with_the_policys_backoff()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.DeleteRequests, Fault.InternalServerError(), times: 2);
        var before = tenant.Clock.GetUtcNow();

        var listed = await ListDeleteRequestsAsync(tenant.Client);

        Assert.NotNull(listed);
        Assert.Equal(3, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
        // 1 s, then 2 s, on the client's clock.
        Assert.Equal(TimeSpan.FromSeconds(3), tenant.Clock.GetUtcNow() - before);
    }

    [Fact]
    public async Task A_generated_GET_honours_Retry_After_within_the_policys_MaxDelay()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.DeleteRequests, Fault.ServiceUnavailable(TimeSpan.FromSeconds(20)));
        var before = tenant.Clock.GetUtcNow();

        await ListDeleteRequestsAsync(tenant.Client);

        Assert.Equal(2, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
        Assert.Equal(TimeSpan.FromSeconds(20), tenant.Clock.GetUtcNow() - before);
    }

    [Fact]
    public async Task A_generated_POST_is_resent_after_a_429_and_restricts_once()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Restrict, Fault.TooManyRequests(TimeSpan.FromSeconds(5)));
        var before = tenant.Clock.GetUtcNow();

        var started = await RestrictAsync(tenant.Client);

        Assert.True(started!.OperationInitiated);
        Assert.Equal(2, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.Restrict));
        Assert.Equal(1, tenant.Emulator.Statistics.TooManyRequestsResponses);
        Assert.Equal(TimeSpan.FromSeconds(5), tenant.Clock.GetUtcNow() - before);
    }

    [Fact]
    public async Task A_generated_POST_answered_with_a_server_error_is_never_resent()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Restrict, Fault.InternalServerError());

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => RestrictAsync(tenant.Client));

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsOutcomeUnknown);
        Assert.Equal(1, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.Restrict));
    }

    [Fact]
    public async Task A_generated_POST_whose_connection_broke_after_processing_is_never_resent()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Restrict, Fault.DropConnectionAfterProcessing());

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => RestrictAsync(tenant.Client));

        Assert.Null(error.StatusCode);
        Assert.True(error.IsOutcomeUnknown);
        Assert.Equal(1, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.Restrict));
    }

    [Fact]
    public async Task The_email_search_POST_is_resent_after_a_429_but_never_after_a_server_error()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.EmailSearch, Fault.TooManyRequests(TimeSpan.FromSeconds(2)));
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.EmailSearch, Fault.InternalServerError());

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => tenant.Client.ResolveContactKeysAsync(["subject@example.com"]));

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsOutcomeUnknown);
        // The 429 was resent; the 500 was not.
        Assert.Equal(2, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));
        Assert.DoesNotContain("subject@example.com", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_policy_bound_from_configuration_is_the_one_every_request_follows()
    {
        var clock = new VirtualClock();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketingCloud:EndpointOverride"] = emulator.BaseAddress.ToString(),
            ["MarketingCloud:ClientId"] = emulator.Credentials.ClientId,
            ["MarketingCloud:ClientSecret"] = emulator.Credentials.ClientSecret,
            ["MarketingCloud:AccountId"] = emulator.Credentials.AccountId.ToString(CultureInfo.InvariantCulture),
            ["MarketingCloud:Retry:MaxRetries"] = "1",
            ["MarketingCloud:Retry:Delay"] = "00:00:10",
        }).Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddContactsSdk(configuration.GetSection(ContactsClientOptions.DefaultSectionName))
            .BuildServiceProvider();
        var client = provider.GetRequiredService<ContactsClient>();
        emulator.Faults.Enqueue(EmulatorRoute.DeleteRequests, Fault.InternalServerError(), times: 5);
        var before = clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => ListDeleteRequestsAsync(client));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(2, emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
        Assert.Equal(TimeSpan.FromSeconds(10), clock.GetUtcNow() - before);
    }

    [Fact]
    public async Task No_retries_means_one_send()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.Retry.MaxRetries = 0;
        using var client = new ContactsClient(options, tenant.Clock);
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Restrict, Fault.TooManyRequests(TimeSpan.FromSeconds(1)));

        await Assert.ThrowsAsync<ContactsRateLimitException>(() => RestrictAsync(client));

        Assert.Equal(1, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.Restrict));
    }

    private static Task<DeleteRequestsPage?> ListDeleteRequestsAsync(ContactsClient client) =>
        client.Api.Contacts.V1.Contacts.Analytics.Deleterequests.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = WindowStart.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            r.QueryParameters.Enddateutc = WindowStart.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        });

    private static Task<RestrictContactsResponse?> RestrictAsync(ContactsClient client) =>
        client.Api.Contacts.V1.Contacts.Actions.Restrict.PostAsync(
            new RestrictRequestBuilder.RestrictPostRequestBody { RestrictByKeysRequest = new RestrictByKeysRequest { Values = ["contact-1"] } },
            r => r.QueryParameters.Type = PostTypeQueryParameterType.Keys);
}
