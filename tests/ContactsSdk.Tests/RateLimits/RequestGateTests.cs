using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Http;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.RateLimits;

/// <summary>
/// The rate-limit manners of a worker, over loopback against the emulator on a virtual clock: a
/// "temporarily blocked" answer holds every request of the shared gate, and the request budget
/// delays requests without dropping any.
/// </summary>
public sealed class RequestGateTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_block_holds_every_client_of_the_gate_and_no_other()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.TemporarilyBlockedPause = Pause;
        var shared = new ContactsRequestGate(options, tenant.Clock);
        using var first = new ContactsClient(options, tenant.Clock, requestGate: shared);
        using var second = new ContactsClient(options, tenant.Clock, requestGate: shared);
        using var unrelated = new ContactsClient(options, tenant.Clock);
        var started = await first.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.QuotaExceeded());

        var blocked = await Assert.ThrowsAsync<ContactsRateLimitException>(() => ReadStatusOnceAsync(first, started.OperationId));
        var blockedAt = tenant.Clock.GetUtcNow();
        Assert.Equal(Pause, blocked.RetryAfter);
        Assert.Equal(Pause, shared.PauseRemaining);

        // A client with its own gate is not held...
        await unrelated.GetDeletionStatusAsync(started.OperationId);
        Assert.Equal(blockedAt, tenant.Clock.GetUtcNow());

        // ...one that shares the gate sends nothing until the pause is over.
        await second.GetDeletionStatusAsync(started.OperationId);
        Assert.InRange(tenant.Clock.GetUtcNow() - blockedAt, Pause, Pause + Slack);
        Assert.Equal(3, tenant.Emulator.Statistics.StatusRequests);
        Assert.Equal(1, tenant.Emulator.Statistics.TooManyRequestsResponses);
        Assert.Equal(TimeSpan.Zero, shared.PauseRemaining);
    }

    [Fact]
    public async Task Clients_from_one_container_share_one_gate_and_wait_out_one_pause_together()
    {
        var clock = new VirtualClock();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddContactsSdk(options =>
            {
                options.ConnectTo(emulator);
                options.TemporarilyBlockedPause = Pause;
            });
        await using var provider = services.BuildServiceProvider();
        var first = provider.GetRequiredService<ContactsClient>();
        var started = await first.StartDeletionByKeysAsync(new[] { "contact-1" });
        emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.QuotaExceeded());

        await Assert.ThrowsAsync<ContactsRateLimitException>(() => ReadStatusOnceAsync(first, started.OperationId));
        var blockedAt = clock.GetUtcNow();
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            provider.GetRequiredService<ContactsClient>().GetDeletionStatusAsync(started.OperationId)));

        Assert.All(reads, status => Assert.Equal(started.OperationId, status.Operation!.OperationID));
        // One pause for all eight, not one each: the clock moved by the pause alone.
        Assert.InRange(clock.GetUtcNow() - blockedAt, Pause, Pause + Slack);
        Assert.Equal(1 + 8, emulator.Statistics.StatusRequests);
        Assert.Equal(1, emulator.Statistics.TooManyRequestsResponses);
    }

    [Fact]
    public async Task A_budget_matching_the_tenant_limit_delays_requests_and_never_draws_a_429()
    {
        await using var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, RateLimitMaxRequests = 5 });
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.RequestBudgetPerMinute = 5;
        using var client = new ContactsClient(options, tenant.Clock);
        var before = tenant.Clock.GetUtcNow();
        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });

        // One after the other: the virtual clock jumps as soon as a timer is armed, so requests still
        // in flight would otherwise reach the emulator in a later minute than the one they left in.
        for (var read = 0; read < 14; read++)
        {
            var status = await client.GetDeletionStatusAsync(started.OperationId);
            Assert.Equal(started.OperationId, status.Operation!.OperationID);
        }

        Assert.Equal(14, tenant.Emulator.Statistics.StatusRequests);
        Assert.Equal(0, tenant.Emulator.Statistics.TooManyRequestsResponses);
        // Fifteen requests at five a minute: the last five start two minutes after the first five.
        Assert.InRange(tenant.Clock.GetUtcNow() - before, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2) + Slack);
    }

    [Fact]
    public async Task Requests_queued_behind_the_budget_all_go_five_a_minute()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.RequestBudgetPerMinute = 5;
        using var client = new ContactsClient(options, tenant.Clock);
        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var before = tenant.Clock.GetUtcNow();

        var reads = await Task.WhenAll(Enumerable.Range(0, 14).Select(_ => client.GetDeletionStatusAsync(started.OperationId)));

        Assert.All(reads, status => Assert.Equal(started.OperationId, status.Operation!.OperationID));
        Assert.Equal(14, tenant.Emulator.Statistics.StatusRequests);
        // The delete and four reads in the first minute, five in each of the next two: none dropped, none early.
        Assert.InRange(tenant.Clock.GetUtcNow() - before, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2) + Slack);
    }

    [Fact]
    public async Task Without_a_budget_the_same_burst_draws_429s()
    {
        await using var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, RateLimitMaxRequests = 5 });
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        await Task.WhenAll(Enumerable.Range(0, 14).Select(async _ =>
        {
            try
            {
                await ReadStatusOnceAsync(tenant.Client, started.OperationId);
            }
            catch (ContactsRateLimitException)
            {
                // Counted by the emulator below.
            }
        }));

        Assert.Equal(14 - 4, tenant.Emulator.Statistics.TooManyRequestsResponses);
    }

    [Fact]
    public async Task A_request_held_by_a_pause_is_never_sent_and_never_times_out()
    {
        var clock = new VirtualClock();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var options = EmulatedTenant.OptionsFor(emulator);
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        // The client's timers never fire: a pause holds its requests until the caller gives up.
        using var client = new ContactsClient(options, new StalledTimersClock(clock));
        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });
        emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.QuotaExceeded());
        await Assert.ThrowsAsync<ContactsRateLimitException>(() => ReadStatusOnceAsync(client, started.OperationId));

        // Held five times longer than the request timeout: still the caller's cancellation, not a
        // timeout that would report a delete that never left as one whose answer was lost.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StartDeletionByKeysAsync(new[] { "contact-2" }, cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Equal(1, emulator.Statistics.DeleteRequests);
        Assert.Single(emulator.Operations);
    }

    /// <summary>One status read, without the retry policy (which would wait out the 429 these tests count).</summary>
    private static Task ReadStatusOnceAsync(ContactsClient client, long operationId) =>
        client.Api.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r =>
        {
            r.QueryParameters.OperationID = operationId;
            r.Options.Add(RetryOverride.None);
        });
}
