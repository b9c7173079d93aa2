using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Authentication;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>Client-credentials tokens against the emulator's token route and bearer checks.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task One_token_serves_many_calls_until_it_nears_expiry()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        for (var i = 0; i < 10; i++)
        {
            await tenant.Client.GetDeletionStatusAsync(started.OperationId);
        }
        Assert.Equal(1, tenant.Emulator.Statistics.TokenRequests);

        // 1080 s lifetime, renewed a minute early: after 17 minutes the next call fetches a new one.
        tenant.Clock.Advance(TimeSpan.FromMinutes(17) + TimeSpan.FromSeconds(1));
        await tenant.Client.GetDeletionStatusAsync(started.OperationId);
        Assert.Equal(2, tenant.Emulator.Statistics.TokenRequests);
        Assert.Equal(0, tenant.Emulator.Statistics.UnauthorizedResponses);
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_token_request()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        using var fresh = new ContactsClient(EmulatedTenant.OptionsFor(tenant.Emulator), tenant.Clock);

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => fresh.GetDeletionStatusAsync(started.OperationId)));

        Assert.Equal(1, fresh.Tokens.TokenRequests);
        Assert.Equal(2, tenant.Emulator.Statistics.TokenRequests); // one for each client
    }

    [Fact]
    public async Task A_token_revoked_mid_wait_is_refreshed_once_and_the_wait_goes_on()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var progress = new RecordingProgress(report =>
        {
            if (report.RequestsMade == 2) tenant.Emulator.RevokeAllTokens();
        });

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.Equal(1, tenant.Emulator.Statistics.UnauthorizedResponses);
        // Every report shows a clean read: the 401 was absorbed by one refresh and one resend.
        Assert.All(progress.Reports, r => Assert.Equal(0, r.ConsecutiveFailures));
    }

    [Fact]
    public async Task A_token_expired_on_the_server_mid_wait_is_replaced()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ExpireToken());

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId);

        Assert.True(result.IsDeleted);
        Assert.Equal(1, tenant.Emulator.Statistics.UnauthorizedResponses);
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_a_message_that_holds_no_secret()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.ClientSecret = "not-the-secret-" + Guid.NewGuid();
        using var client = new ContactsClient(options, tenant.Clock);

        var error = await Assert.ThrowsAsync<ContactsAuthenticationException>(() => client.GetDeletionStatusAsync(1));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_client", error.Error);
        Assert.DoesNotContain(options.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.Emulator.Credentials.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_one_host_rule_refuses_look_alike_and_plain_http_hosts_and_fetches_nothing_to_decide()
    {
        // The rule the pipeline's token step applies to every request, redirects included
        // (RedirectTests send real requests through it).
        await using var tenant = await EmulatedTenant.StartAsync();

        Assert.True(tenant.Client.Tokens.IsAllowedHost(tenant.Emulator.BaseAddress));
        Assert.False(tenant.Client.Tokens.IsAllowedHost(new Uri("https://collector.example.com/contacts")));
        Assert.False(tenant.Client.Tokens.IsAllowedHost(new Uri("https://mc123.rest.marketingcloudapis.com.example.com/")));
        Assert.False(tenant.Client.Tokens.IsAllowedHost(new Uri("http://127.0.0.2:80/")));
        Assert.Equal(0, tenant.Emulator.Statistics.TokenRequests);
    }
}
