using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>Rate limits and server failures while waiting: survived within bounds, never beyond.</summary>
public sealed class TransientFailureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_burst_of_429s_is_waited_out_as_Retry_After_says(bool asHttpDate)
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(42), asHttpDate), times: 5);
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.Equal(5, tenant.Emulator.Statistics.TooManyRequestsResponses);
        var throttled = progress.Reports.Where(r => r.ConsecutiveFailures > 0).ToArray();
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, throttled.Select(r => r.ConsecutiveFailures));
        // An HTTP date has one-second resolution: the wait is the remaining whole seconds.
        Assert.All(throttled, r => Assert.InRange(r.NextPollIn, TimeSpan.FromSeconds(41), TimeSpan.FromSeconds(42)));
    }

    [Fact]
    public async Task Failures_beyond_the_limit_end_the_wait_with_the_last_error()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ServiceUnavailable(), times: 100);

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() =>
            tenant.Client.WaitForDeletionAsync(started.OperationId, new DeletionWaitOptions { MaxConsecutiveFailures = 3 }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(50300, error.GatewayErrorCode);
        Assert.Equal(503, Assert.IsType<GatewayError>(error.InnerException).ResponseStatusCode);
        Assert.Equal(4, tenant.Emulator.Statistics.StatusRequests);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("truncated")]
    [InlineData("malformed")]
    [InlineData("drop")]
    public async Task A_transient_failure_is_survived_and_the_outcome_stays_right(string kind)
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var fault = kind switch
        {
            "500" => Fault.InternalServerError(),
            "truncated" => Fault.TruncatedJson(),
            "malformed" => Fault.MalformedJson(),
            _ => Fault.DropConnectionBeforeProcessing(),
        };
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, fault, times: 2);

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId);

        Assert.Equal(ContactDeletionState.Deleted, result.State);
        Assert.Equal(2, tenant.Emulator.Statistics.Snapshot().TotalFaultsInjected);
    }

    [Fact]
    public async Task An_unknown_delete_phase_status_is_read_as_still_deleting()
    {
        // Reaching the delete phase after PendingDuration needs no queue; the unknown status is the subject.
        await using var tenant = await EmulatedTenant.StartAsync(clock => new() { TimeProvider = clock, DeletePhaseDuration = TimeSpan.FromHours(6), DeleteQueueEnabled = false });
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(30));
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.UnknownBackgroundOperationStatus("Queued"));

        var status = await tenant.Client.GetDeletionStatusAsync(started.OperationId);

        Assert.Equal("Queued", status.BackgroundOperationsSummary!.Single().BackgroundOperationStatusID);
        Assert.Equal(ContactDeletionState.Deleting, status.GetDeletionState().State);
        Assert.False(status.GetDeletionState().IsTerminal);
    }
}
