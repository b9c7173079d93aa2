using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Microsoft.Kiota.Abstractions;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>
/// <see cref="ContactsClient.ListDeleteOperationsAsync"/> over loopback: against the emulator for
/// paging, stopping early and the typed result over time; against a scripted server for what the
/// emulator never sends (service errors with HTTP 200, undocumented statuses, other spellings).
/// </summary>
public sealed class DeleteOperationListingTests
{
    private const int Operations = 25;
    private const int PageSize = 10;
    private const string DeleteOperationsPath = "/contacts/v1/contacts/deleteOperations";

    private static async Task<(EmulatedTenant Tenant, long[] Ids)> StartManyAsync()
    {
        var tenant = await EmulatedTenant.StartAsync();
        var ids = new long[Operations];
        for (var i = 0; i < Operations; i++)
        {
            ids[i] = (await tenant.Client.StartDeletionByKeysAsync([$"listed-{i}"])).OperationId;
        }
        return (tenant, ids);
    }

    [Fact]
    public async Task Every_page_is_read_and_each_operation_listed_once()
    {
        var (tenant, ids) = await StartManyAsync();
        await using var _ = tenant;

        var listed = await tenant.Client.ListDeleteOperationsAsync(pageSize: PageSize);

        Assert.True(listed.IsComplete);
        Assert.Equal(ids.Order(), listed.Operations.Select(o => o.OperationId).Order());
        Assert.Equal(Operations, listed.TotalCount);
        // Ten a page: three pages for 25 operations, the last one short.
        Assert.Equal(3, listed.PagesRead);
        Assert.Equal(3, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteOperations));
    }

    [Fact]
    public async Task Reading_stops_after_the_page_that_lists_the_operation_of_interest()
    {
        var (tenant, ids) = await StartManyAsync();
        await using var _ = tenant;

        // Newest first: the 11th newest is on the second page; the third page is never read.
        var listed = await tenant.Client.ListDeleteOperationsAsync(untilOperationId: ids[^11], pageSize: PageSize);

        Assert.True(listed.IsComplete);
        Assert.Equal(2, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteOperations));
        Assert.Equal(20, listed.Operations.Count);
        Assert.NotNull(listed.Find(ids[^11]));
    }

    [Fact]
    public async Task The_page_limit_ends_the_reading_and_the_result_says_it_is_incomplete()
    {
        var (tenant, ids) = await StartManyAsync();
        await using var _ = tenant;

        var listed = await tenant.Client.ListDeleteOperationsAsync(untilOperationId: ids[0], pageSize: PageSize, maxPages: 2);

        Assert.False(listed.IsComplete);
        Assert.Equal(2, listed.PagesRead);
        Assert.Equal(20, listed.Operations.Count);
        Assert.Null(listed.Find(ids[0]));
        Assert.Equal(2, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteOperations));
    }

    [Fact]
    public async Task An_operation_reads_as_pending_then_as_its_call_result_with_counts_times_and_restorable_deadline()
    {
        var registered = new EmulatedContact { ContactKey = "known-key", EmailAddress = "someone@example.com", CreatedAt = DateTimeOffset.UnixEpoch };
        await using var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = [registered] });
        // Marketing Cloud's queue processes one call at a time: the first is processed, the second waits.
        var first = await tenant.Client.StartDeletionByKeysAsync(["known-key"]);
        var started = await tenant.Client.StartDeletionByKeysAsync(["known-key", "unknown-key"]);

        var listed = await tenant.Client.ListDeleteOperationsAsync();
        var running = listed.Find(first.OperationId)!;
        Assert.Equal(ContactDeleteOperationStatus.Processing, running.Status);
        Assert.NotNull(running.StartTime);
        Assert.Null(running.EndTime);
        var waiting = listed.Find(started.OperationId)!;
        Assert.Equal(ContactDeleteOperationStatus.Pending, waiting.Status);
        Assert.Equal("Pending", waiting.RawStatus);
        Assert.True(waiting.IsStatusDocumented);
        Assert.False(waiting.Status.IsPhaseOver());
        Assert.NotNull(waiting.ScheduledTime);
        Assert.Null(waiting.StartTime);
        Assert.Null(waiting.EndTime);
        Assert.Null(waiting.RestorableUntilDate);
        Assert.Equal((0L, 0L), (waiting.SuccessCount, waiting.ErrorCount));
        Assert.False(string.IsNullOrEmpty(waiting.RequestId));

        // Both calls processed, one after the other.
        tenant.Clock.Advance((EmulatorOptions.DefaultDeleteCallFixedTime * 2) + TimeSpan.FromMinutes(1));
        var ended = (await tenant.Client.ListDeleteOperationsAsync()).Find(started.OperationId)!;

        Assert.Equal(ContactDeleteOperationStatus.CompletedWithErrors, ended.Status);
        Assert.True(ended.Status.IsPhaseOver());
        Assert.Equal(StatusOutcome.Failed, ended.Status.GetOutcome());
        Assert.Equal((1L, 1L), (ended.SuccessCount, ended.ErrorCount));
        Assert.Equal(waiting.RequestId, ended.RequestId);
        var end = WallTime(ended.EndTime!);
        Assert.Equal(end.AddDays(EmulatorOptions.DefaultNumberOfRestorableDays), WallTime(ended.RestorableUntilDate!));
        Assert.NotNull(ended.StartTime);
    }

    public static TheoryData<long?, int, int, string> BadArguments => new()
    {
        { 0L, PageSize, 1, "untilOperationId" },
        { -5L, PageSize, 1, "untilOperationId" },
        { null, 0, 1, "pageSize" },
        { null, ContactsClient.DefaultDeleteOperationsPageSize + 1, 1, "pageSize" },
        { null, PageSize, 0, "maxPages" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_are_refused_before_any_request(long? untilOperationId, int pageSize, int maxPages, string parameter)
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => tenant.Client.ListDeleteOperationsAsync(untilOperationId, pageSize, maxPages));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(0, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteOperations));
    }

    [Fact]
    public async Task A_failing_route_is_an_error_not_an_empty_listing()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        await tenant.Client.StartDeletionByKeysAsync(["listed"]);
        tenant.Emulator.Faults.AddRule(EmulatorRoute.DeleteOperations, Fault.InternalServerError(), probability: 1);

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => tenant.Client.ListDeleteOperationsAsync());
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1 + ContactsSdk.ContactsRetryOptions.DefaultMaxRetries, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteOperations));
    }

    [Fact]
    public async Task A_temporary_block_is_a_rate_limit_error_not_an_empty_listing()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        await tenant.Client.StartDeletionByKeysAsync(["listed"]);
        // Blocked on every try: the retry policy waits out each pause, then reports the block.
        tenant.Emulator.Faults.AddRule(EmulatorRoute.DeleteOperations, Fault.QuotaExceeded(), probability: 1);

        var error = await Assert.ThrowsAsync<ContactsRateLimitException>(() => tenant.Client.ListDeleteOperationsAsync());
        Assert.True(error.IsTemporarilyBlocked);
    }

    [Fact]
    public async Task A_service_error_in_a_200_answer_is_raised()
    {
        await using var server = await StartScriptedAsync("""
            {"count": 0, "page": 1, "pageSize": 1000, "items": [], "hasErrors": true,
             "resultMessages": [{"resultType": "DeleteOperations", "resultClass": "Error", "resultCode": "ServiceUnavailable", "message": "The list cannot be read now."}]}
            """);
        using var client = ClientFor(server);

        var error = await Assert.ThrowsAsync<ContactsServiceException>(() => client.ListDeleteOperationsAsync());
        Assert.Contains("ServiceUnavailable", error.ResultMessages.Select(m => m.ResultCode));
    }

    [Fact]
    public async Task An_undocumented_status_reads_as_pending_and_says_so_and_other_spellings_are_read()
    {
        await using var server = await StartScriptedAsync("""
            {"count": 2, "page": 1, "pageSize": 1000, "items": [
              {"operationID": 7, "requestID": "r-7", "status": "Queued", "scheduledDate": "2024-03-05T09:12:44.217", "startDate": "2024-03-05T09:13:00", "endDate": "2024-03-05T09:20:00"},
              {"status": "Completed"}
            ]}
            """);
        using var client = ClientFor(server);

        var listed = await client.ListDeleteOperationsAsync();

        // The item without an operation ID cannot be followed, so it is not in the result.
        var operation = Assert.Single(listed.Operations);
        Assert.Equal((7L, "r-7", "Queued"), (operation.OperationId, operation.RequestId, operation.RawStatus));
        Assert.Equal(ContactDeleteOperationStatus.Pending, operation.Status);
        Assert.False(operation.IsStatusDocumented);
        Assert.Equal(("2024-03-05T09:12:44.217", "2024-03-05T09:13:00", "2024-03-05T09:20:00"), (operation.ScheduledTime, operation.StartTime, operation.EndTime));
        Assert.True(listed.IsComplete);
        Assert.Equal("$page=1&$pageSize=1000", Uri.UnescapeDataString(server.Requests.Last().QueryString.TrimStart('?')));
    }

    [Fact]
    public async Task The_spec_example_reads_into_typed_results()
    {
        await using var server = await StartScriptedAsync(SpecDocument.ResponseExample(DeleteOperationsPath, "get", "200", "queueAndResults"));
        using var client = ClientFor(server);

        var listed = await client.ListDeleteOperationsAsync();

        Assert.Equal(
            [ContactDeleteOperationStatus.Pending, ContactDeleteOperationStatus.Processing, ContactDeleteOperationStatus.Completed, ContactDeleteOperationStatus.CompletedWithErrors],
            listed.Operations.Select(o => o.Status));
        var withErrors = listed.Find(2315)!;
        Assert.Equal((4L, 2L, "2024-03-18T11:31:05.9"), (withErrors.SuccessCount, withErrors.ErrorCount, withErrors.RestorableUntilDate));
        Assert.Equal("3b475bee-aa37-4aa4-9fcc-c58d2f9e6242", withErrors.RequestId);
        Assert.Equal(4, listed.TotalCount);
        Assert.Equal(1, listed.PagesRead);
    }

    private static DateTime WallTime(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static async Task<ScriptedServer> StartScriptedAsync(string page)
    {
        var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, SpecDocument.ResponseExample("/v2/token", "post", "200", "issued")));
        server.Enqueue(new ScriptedResponse(200, page));
        return server;
    }

    private static ContactsClient ClientFor(ScriptedServer server) =>
        new(new ContactsClientOptions { EndpointOverride = server.BaseAddress, ClientId = "id", ClientSecret = "secret" });
}
