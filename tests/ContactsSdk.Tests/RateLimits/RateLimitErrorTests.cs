using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.RateLimits;

/// <summary>A 429 surfaces as <see cref="ContactsRateLimitException"/>, and a single status read waits out a short one.</summary>
public sealed class RateLimitErrorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_status_read_waits_out_a_Retry_After_within_the_bound_and_reads_again(bool asHttpDate)
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(30), asHttpDate));
        var before = tenant.Clock.GetUtcNow();

        var status = await tenant.Client.GetDeletionStatusAsync(started.OperationId);

        Assert.Equal(started.OperationId, status.Operation!.OperationID);
        Assert.Equal(2, tenant.Emulator.Statistics.StatusRequests);
        Assert.Equal(1, tenant.Emulator.Statistics.TooManyRequestsResponses);
        // An HTTP date has whole seconds: the wait is 29 to 30 seconds.
        Assert.InRange(tenant.Clock.GetUtcNow() - before, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_bound_is_thrown_at_once_with_its_code_and_delay()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromMinutes(10)));
        var before = tenant.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ContactsRateLimitException>(() => tenant.Client.GetDeletionStatusAsync(started.OperationId));

        Assert.Equal(ContactsRateLimitException.RateLimitedErrorCode, error.ErrorCode);
        Assert.False(error.IsTemporarilyBlocked);
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
        Assert.Contains("errorcode 50100", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, tenant.Emulator.Statistics.StatusRequests);
        Assert.Equal(before, tenant.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_status_read_gives_up_after_its_retry_limit()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(5)), times: 10);

        var error = await Assert.ThrowsAsync<ContactsRateLimitException>(() => tenant.Client.GetDeletionStatusAsync(started.OperationId));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Equal(1 + ContactsRetryOptions.DefaultMaxRetries, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task A_zero_retry_MaxDelay_never_waits()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.Retry.MaxDelay = TimeSpan.Zero;
        using var client = new ContactsClient(options, tenant.Clock);
        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(1)));

        await Assert.ThrowsAsync<ContactsRateLimitException>(() => client.GetDeletionStatusAsync(started.OperationId));

        Assert.Equal(1, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task A_temporarily_blocked_answer_on_a_generated_route_reports_50200_and_the_pause()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.TemporarilyBlockedPause = TimeSpan.FromMinutes(3);
        using var client = new ContactsClient(options, tenant.Clock);
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.DeleteRequests, Fault.QuotaExceeded());

        var error = await Assert.ThrowsAsync<ContactsRateLimitException>(() => client.Api.Contacts.V1.Contacts.Analytics.Deleterequests.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = "2026-01-01T00:00:00";
            r.QueryParameters.Enddateutc = "2026-01-31T00:00:00";
        }));

        Assert.Equal(ContactsRateLimitException.TemporarilyBlockedErrorCode, error.ErrorCode);
        Assert.True(error.IsTemporarilyBlocked);
        Assert.Equal(TimeSpan.FromMinutes(3), error.RetryAfter);
    }

    [Fact]
    public async Task A_429_with_an_unreadable_body_is_still_typed_and_pauses_like_a_block()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.Combine(Fault.MalformedJson(), Fault.QuotaExceeded()));
        var before = tenant.Clock.GetUtcNow();

        // Nothing says when to come back: the pipeline pauses (one minute by default), within the bound, then reads again.
        var status = await tenant.Client.GetDeletionStatusAsync(started.OperationId);

        Assert.Equal(started.OperationId, status.Operation!.OperationID);
        Assert.Equal(2, tenant.Emulator.Statistics.StatusRequests);
        Assert.InRange(tenant.Clock.GetUtcNow() - before, ContactsClientOptions.DefaultTemporarilyBlockedPause, ContactsClientOptions.DefaultTemporarilyBlockedPause + TimeSpan.FromSeconds(1));
    }
}
