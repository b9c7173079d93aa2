using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.GeneratedRoutes;

/// <summary>The analytics routes through the generated client, against the emulator on a virtual clock.</summary>
public sealed class DeleteRequestsAnalyticsTests
{
    // The virtual clock starts at 2026-01-05T09:00:00Z.
    private const string Day = "2026-01-05T00:00:00";
    private const string NextDay = "2026-01-06T00:00:00";

    [Fact]
    public async Task The_deletions_of_the_range_are_listed_with_their_interpreted_statuses_one_page_at_a_time()
    {
        await using var tenant = await StartAsync();
        var completed = await tenant.Client.StartDeletionByKeysAsync(["contact-1", "contact-2"]);
        var invalid = await tenant.Client.StartDeletionByKeysAsync(["invalid"]);
        tenant.Clock.Advance(TimeSpan.FromHours(2));
        var processing = await tenant.Client.StartDeletionByIdsAsync([193655592L]);
        var deleterequests = tenant.Client.Api.Contacts.V1.Contacts.Analytics.Deleterequests;

        var first = await deleterequests.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = Day;
            r.QueryParameters.Enddateutc = NextDay;
            r.QueryParameters.Page = 1;
            r.QueryParameters.Pagesize = 2;
            r.QueryParameters.Orderby = "operationId desc";
        });
        var second = await deleterequests.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = Day;
            r.QueryParameters.Enddateutc = NextDay;
            r.QueryParameters.Page = 2;
            r.QueryParameters.Pagesize = 2;
            r.QueryParameters.Orderby = "operationId desc";
        });

        Assert.NotNull(first);
        Assert.Equal(Day, first.StartDateUtc);
        Assert.Equal(NextDay, first.EndDateUtc);
        Assert.Equal(tenant.Clock.GetUtcNow(), first.StatusAsOfDateUtc);
        Assert.Equal((1, 2), (first.PageNumber, first.PageSize));
        Assert.Equal([processing.OperationId, invalid.OperationId], first.Operations!.Select(o => o.OperationId!.Value));
        Assert.Equal([completed.OperationId], second!.Operations!.Select(o => o.OperationId!.Value));

        var byId = first.Operations!.Concat(second.Operations!).ToDictionary(o => o.OperationId!.Value);
        Assert.Equal(DeleteRequestStatus.Processing, byId[processing.OperationId].GetDeleteRequestStatus());
        Assert.False(byId[processing.OperationId].GetDeleteRequestStatus().IsPhaseOver());
        Assert.Equal(DeleteRequestStatus.Invalid, byId[invalid.OperationId].GetDeleteRequestStatus());
        Assert.Equal(StatusOutcome.Failed, byId[invalid.OperationId].GetDeleteRequestStatus().GetOutcome());
        var done = byId[completed.OperationId];
        Assert.Equal(DeleteRequestStatus.Completed, done.GetDeleteRequestStatus());
        Assert.True(done.GetDeleteRequestStatus().IsPhaseOver());
        Assert.Equal((2L, 2L), (done.TotalContactCount, done.CompletedContactCount));
        Assert.Equal("2026-01-05T09:00:00", done.ReceivedDateUtc);
        // Pending 1 minute, no restorable days, 10 minutes of deletion.
        Assert.Equal("2026-01-05T09:11:00", done.LastStatusDateUtc);
        Assert.Equal("Contact Key/ID", done.DeleteMethod);
        Assert.Equal((1L, 0L), (byId[processing.OperationId].TotalContactCount, byId[processing.OperationId].CompletedContactCount));
    }

    [Fact]
    public async Task The_status_filter_and_the_range_narrow_the_list()
    {
        await using var tenant = await StartAsync();
        var completed = await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);
        await tenant.Client.StartDeletionByKeysAsync(["invalid"]);
        tenant.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await tenant.Client.StartDeletionByKeysAsync(["contact-2"]);
        var deleterequests = tenant.Client.Api.Contacts.V1.Contacts.Analytics.Deleterequests;

        var completedOnly = await deleterequests.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = Day;
            r.QueryParameters.Enddateutc = "2026-01-07T00:00:00";
            r.QueryParameters.Statusid = 5;
        });
        var secondDay = await deleterequests.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = NextDay;
            r.QueryParameters.Enddateutc = "2026-01-07T00:00:00";
        });

        var only = Assert.Single(completedOnly!.Operations!);
        Assert.Equal(completed.OperationId, only.OperationId);
        Assert.Equal(DeleteRequestStatus.Completed, only.GetDeleteRequestStatus());
        Assert.Equal((1, 50), (completedOnly.PageNumber, completedOnly.PageSize));
        var onSecondDay = Assert.Single(secondDay!.Operations!);
        Assert.Equal(nextDay.OperationId, onSecondDay.OperationId);
        Assert.Equal(DeleteRequestStatus.Processing, onSecondDay.GetDeleteRequestStatus());
    }

    [Fact]
    public async Task An_aborted_request_reads_as_aborted_terminal_and_cancelled_and_no_status_filter_selects_it()
    {
        await using var tenant = await StartAsync();
        var aborted = await tenant.Client.StartDeletionByKeysAsync(["aborted"]);
        var deleterequests = tenant.Client.Api.Contacts.V1.Contacts.Analytics.Deleterequests;
        async Task<DeleteRequestDetails> ReadAsync()
        {
            var page = await deleterequests.GetAsync(r =>
            {
                r.QueryParameters.Startdateutc = Day;
                r.QueryParameters.Enddateutc = NextDay;
            });
            return Assert.Single(page!.Operations!);
        }

        var running = await ReadAsync();
        tenant.Clock.Advance(TimeSpan.FromHours(2));
        var ended = await ReadAsync();

        Assert.Equal(aborted.OperationId, ended.OperationId);
        Assert.Equal(DeleteRequestStatus.Processing, running.GetDeleteRequestStatus());
        Assert.Equal("Aborted", ended.Status);
        Assert.Equal(DeleteRequestStatus.Aborted, ended.GetDeleteRequestStatus());
        Assert.True(ended.GetDeleteRequestStatus().IsPhaseOver());
        Assert.Equal(StatusOutcome.Cancelled, ended.GetDeleteRequestStatus().GetOutcome());
        foreach (var statusId in new[] { 1, 5, 7 })
        {
            var filtered = await deleterequests.GetAsync(r =>
            {
                r.QueryParameters.Startdateutc = Day;
                r.QueryParameters.Enddateutc = NextDay;
                r.QueryParameters.Statusid = statusId;
            });
            Assert.Empty(filtered!.Operations!);
        }
    }

    [Fact]
    public async Task The_summary_counts_the_requests_per_hour_in_total_and_per_status()
    {
        await using var tenant = await StartAsync();
        await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);
        await tenant.Client.StartDeletionByKeysAsync(["invalid"]);
        tenant.Clock.Advance(TimeSpan.FromHours(2));
        await tenant.Client.StartDeletionByKeysAsync(["contact-2"]);

        var summary = await tenant.Client.Api.Contacts.V1.Contacts.Analytics.Deleterequests.Summary.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = Day;
            r.QueryParameters.Enddateutc = NextDay;
        });

        // The emulator answers in the route document's example shape (lower-case names, statusofdateutc,
        // interval "0", the range with a Z, item times month first); the SDK reads it into the typed model.
        Assert.NotNull(summary);
        Assert.Equal("0", summary.Interval);
        Assert.Equal(24, summary.ItemCount);
        Assert.Equal(Day + "Z", summary.StartDateUtc);
        Assert.Equal(tenant.Clock.GetUtcNow(), summary.StatusOfDateUtc);
        var total = Assert.Single(summary.TotalTimeSeries!);
        Assert.Equal((3L, 0L, 2L), (total.RequestCount, total.MinValue, total.MaxValue));
        Assert.Equal(24, total.Items!.Count);
        Assert.Equal(("01-05-2026 09:00:00", 2L), (total.Items[9].Time, total.Items[9].Value!.Value));
        Assert.Equal(("01-05-2026 11:00:00", 1L), (total.Items[11].Time, total.Items[11].Value!.Value));
        Assert.Equal(
            [(1, "Processing", 1L), (5, "Completed", 1L), (7, "Invalid", 1L)],
            summary.StatusTimeSeries!.Select(s => (s.StatusId!.Value, s.Status, s.RequestCount!.Value)));
        Assert.Empty(summary.AdditionalData);
    }

    [Fact]
    public async Task A_range_the_route_cannot_read_is_a_typed_gateway_error()
    {
        await using var tenant = await StartAsync();

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => tenant.Client.Api.Contacts.V1.Contacts.Analytics.Deleterequests.GetAsync(r =>
        {
            // An offset is refused: the route takes UTC written without one.
            r.QueryParameters.Startdateutc = "2026-01-05T00:00:00+01:00";
            r.QueryParameters.Enddateutc = NextDay;
        }));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("startdateutc", error.Message, StringComparison.Ordinal);
        // The typed gateway error of the spec stays inside.
        var gateway = Assert.IsType<GatewayError>(error.InnerException);
        Assert.Equal(400, gateway.ResponseStatusCode);
        Assert.Contains("startdateutc", gateway.MessageEscaped, StringComparison.Ordinal);
    }

    private static Task<EmulatedTenant> StartAsync() =>
        EmulatedTenant.StartAsync(clock => new()
        {
            TimeProvider = clock,
            NumberOfRestorableDays = 0,
            // The tests read the routes' fields at instants timed from PendingDuration, not the queue.
            DeleteQueueEnabled = false,
            OutcomeSelector = request => request.Keys.Count == 0 ? DeleteOutcome.Completed : request.Keys[0] switch
            {
                "invalid" => DeleteOutcome.Invalid,
                "aborted" => DeleteOutcome.Aborted,
                _ => DeleteOutcome.Completed,
            },
        });
}
