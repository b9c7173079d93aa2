using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Microsoft.Kiota.Abstractions;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>
/// <see cref="ContactsClient.ListDeleteRequestsAsync"/> over loopback against the emulator: every page
/// of the window, newest first, or only down to the oldest operation of interest.
/// </summary>
public sealed class DeleteRequestListingTests
{
    private const int Requests = 2500;

    private static async Task<(EmulatedTenant Tenant, long[] Ids, DateTimeOffset From)> StartManyAsync()
    {
        var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromDays(30) });
        var from = tenant.Clock.GetUtcNow();
        var ids = new long[Requests];
        for (var i = 0; i < Requests; i++)
        {
            ids[i] = (await tenant.Client.StartDeletionByKeysAsync([$"listed-{i}"])).OperationId;
        }
        return (tenant, ids, from);
    }

    [Fact]
    public async Task Every_page_of_the_window_is_read_and_each_operation_listed_once()
    {
        var (tenant, ids, from) = await StartManyAsync();
        await using var _ = tenant;

        var listed = await tenant.Client.ListDeleteRequestsAsync(from - TimeSpan.FromMinutes(1), tenant.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        Assert.Equal(ids.Order(), listed.Select(r => r.OperationId!.Value).Order());
        // A thousand a page: three pages for 2,500 requests.
        Assert.Equal(3, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
    }

    [Fact]
    public async Task Listing_stops_after_the_page_that_reaches_the_oldest_operation_of_interest()
    {
        var (tenant, ids, from) = await StartManyAsync();
        await using var _ = tenant;

        // The newest 1,200 are on the first two pages (newest first); the third is never read.
        var listed = await tenant.Client.ListDeleteRequestsAsync(from - TimeSpan.FromMinutes(1), tenant.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), ids[^1200]);

        Assert.Equal(2, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
        Assert.Equal(2000, listed.Count);
        Assert.Contains(ids[^1200], listed.Select(r => r.OperationId!.Value));
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_refused_before_any_request()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var now = tenant.Clock.GetUtcNow();

        await Assert.ThrowsAsync<ArgumentException>(() => tenant.Client.ListDeleteRequestsAsync(now, now));
        Assert.Equal(0, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
    }

    [Fact]
    public async Task An_operation_ID_that_cannot_exist_is_refused_before_any_request()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var now = tenant.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => tenant.Client.ListDeleteRequestsAsync(now - TimeSpan.FromHours(1), now, downToOperationId: 0));
        Assert.Equal("downToOperationId", error.ParamName);
        Assert.Equal(0, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
    }

    [Fact]
    public async Task A_failing_route_is_an_error_not_an_empty_listing()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        await tenant.Client.StartDeletionByKeysAsync(["listed"]);
        tenant.Emulator.Faults.AddRule(EmulatorRoute.DeleteRequests, Fault.InternalServerError(), probability: 1);
        var now = tenant.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => tenant.Client.ListDeleteRequestsAsync(now - TimeSpan.FromHours(1), now + TimeSpan.FromHours(1)));
        Assert.Equal(500, error.StatusCode);
        // The retry policy tried again, then reported the error.
        Assert.Equal(1 + ContactsSdk.ContactsRetryOptions.DefaultMaxRetries, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
    }
}
