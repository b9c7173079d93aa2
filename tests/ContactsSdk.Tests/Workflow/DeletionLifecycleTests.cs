using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>Deletions followed from start to end against the emulator, over loopback, on a virtual clock.</summary>
public sealed class DeletionLifecycleTests
{
    [Theory]
    [InlineData(DeleteOutcome.Completed, ContactDeletionState.Deleted, true)]
    [InlineData(DeleteOutcome.Aborted, ContactDeletionState.Restored, false)]
    [InlineData(DeleteOutcome.Invalid, ContactDeletionState.Invalid, false)]
    public async Task A_deletion_is_followed_through_both_phases_to_its_outcome(DeleteOutcome outcome, ContactDeletionState expected, bool deleted)
    {
        await using var tenant = await EmulatedTenant.StartAsync(clock => new()
        {
            TimeProvider = clock,
            OutcomeSelector = _ => outcome,
            // Long enough for hourly polls to see the delete phase running.
            DeletePhaseDuration = TimeSpan.FromHours(3),
        });
        var progress = new RecordingProgress();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1", "contact-2" });
        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.Equal(expected, result.State);
        Assert.Equal(deleted, result.IsDeleted);
        Assert.Equal(started.OperationId, result.OperationId);
        var states = progress.Reports.Select(r => r.State).Distinct().ToArray();
        Assert.Equal(new ContactDeletionState?[] { ContactDeletionState.SuppressionPending, ContactDeletionState.Suppressed, ContactDeletionState.Deleting, expected }, states);
        Assert.Equal(ContactDeletionPhase.Delete, progress.Reports.Last().Phase);
        // The wait lasted the emulated lifecycle (1 minute pending, 14 restorable days, 3 hours of
        // deletion) and noticed the end within the one-hour polling cap.
        Assert.InRange(result.Elapsed, TimeSpan.FromDays(14) + TimeSpan.FromHours(3), TimeSpan.FromDays(14) + TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        Assert.Equal(result.RequestsMade, progress.Reports.Last().RequestsMade);
        Assert.Equal(result.RequestsMade, tenant.Emulator.Statistics.StatusRequests);
        Assert.Equal(outcome.ToString(), result.LastResponse.BackgroundOperationsSummary!.Single().BackgroundOperationStatusID);
    }

    [Theory]
    [InlineData(DeleteOutcome.Completed, ContactDeletionState.Deleted, "Completed")]
    [InlineData(DeleteOutcome.Invalid, ContactDeletionState.Invalid, "Invalid")]
    public async Task With_several_background_operations_the_progress_shows_the_wire_value_that_decided_the_state(DeleteOutcome outcome, ContactDeletionState expected, string finalWireValue)
    {
        // Four entries finishing an hour apart, the one listed last first: hourly polls see summaries
        // where finished entries sit next to one still Processing.
        await using var tenant = await EmulatedTenant.StartAsync(clock => new()
        {
            TimeProvider = clock,
            OutcomeSelector = _ => outcome,
            DeletePhaseDuration = TimeSpan.FromHours(4),
            BackgroundOperationsPerDeletion = 4,
        });
        var progress = new RecordingProgress();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.Equal(expected, result.State);
        Assert.Equal(4, result.LastResponse.BackgroundOperationsSummary!.Count);
        var deleting = progress.Reports.Where(r => r.State == ContactDeletionState.Deleting).ToList();
        Assert.True(deleting.Count >= 4, $"only {deleting.Count} polls in the four-hour delete phase");
        // The state and the value shown with it come from the same entry: while deleting, the one
        // still Processing, never a Completed entry listed after it.
        Assert.All(deleting, r => Assert.Equal("Processing", r.RawStatus));
        Assert.Equal(finalWireValue, progress.Reports.Last().RawStatus);
    }

    [Fact]
    public async Task Waiting_backs_off_and_stays_within_a_few_hundred_requests_for_fourteen_days()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var progress = new RecordingProgress();
        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.InRange(result.RequestsMade, 14 * 24, 14 * 24 + 60);
        // No wait is longer than the cap; the first waits grow from the initial interval.
        Assert.All(progress.Reports, r => Assert.True(r.NextPollIn <= DeletionWaitOptions.DefaultMaxPollInterval));
        Assert.Equal(DeletionWaitOptions.DefaultInitialPollInterval, progress.Reports.First().NextPollIn);
    }

    [Fact]
    public async Task Deletions_by_ids_and_by_list_reference_reach_the_emulator_with_their_shape()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        var byIds = await tenant.Client.StartDeletionByIdsAsync(new[] { 193655592L, 1234567923123123L });
        var byList = await tenant.Client.StartDeletionByListAsync("GdprErasureQueue", deleteListWhenCompleted: true);

        var ids = tenant.Emulator.FindOperation(byIds.OperationId)!.Request;
        Assert.Equal(DeleteRequestType.Ids, ids.Type);
        Assert.Equal(new[] { 193655592L, 1234567923123123L }, ids.Ids);
        var list = tenant.Emulator.FindOperation(byList.OperationId)!.Request;
        Assert.Equal(DeleteRequestType.ListReference, list.Type);
        Assert.Equal("GdprErasureQueue", list.ListKey);
        Assert.Equal(3, list.ListTypeId);
        Assert.True(list.DeleteListWhenCompleted);
        Assert.Equal("ContactAndAttributes", list.DeleteOperationType);
    }

    [Fact]
    public async Task A_timeout_ends_the_wait_with_the_last_state()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        var error = await Assert.ThrowsAsync<DeletionWaitTimeoutException>(() =>
            tenant.Client.WaitForDeletionAsync(started.OperationId, new DeletionWaitOptions { Timeout = TimeSpan.FromDays(2) }));

        Assert.Equal(ContactDeletionState.Suppressed, error.LastState);
        Assert.Equal(TimeSpan.FromDays(2), error.Elapsed);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_and_its_requests()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        using var cancellation = new System.Threading.CancellationTokenSource();
        var progress = new RecordingProgress(report =>
        {
            if (report.RequestsMade == 3) cancellation.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress, cancellationToken: cancellation.Token));

        Assert.Equal(3, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task Many_operations_are_followed_at_once_and_each_gets_its_own_outcome()
    {
        await using var tenant = await EmulatedTenant.StartAsync(clock => new()
        {
            TimeProvider = clock,
            // The virtual clock jumps once per armed timer, so with many waiters it runs far ahead of
            // real time; token expiry has its own test and is kept out of this one.
            TokenLifetime = TimeSpan.FromDays(60),
            OutcomeSelector = request => request.Keys[0] switch
            {
                var key when key.EndsWith("-abort", StringComparison.Ordinal) => DeleteOutcome.Aborted,
                var key when key.EndsWith("-invalid", StringComparison.Ordinal) => DeleteOutcome.Invalid,
                _ => DeleteOutcome.Completed,
            },
        });
        var suffixes = new[] { "", "-abort", "-invalid" };
        var started = new (long Id, string Suffix)[24];
        for (var i = 0; i < started.Length; i++)
        {
            var suffix = suffixes[i % 3];
            started[i] = ((await tenant.Client.StartDeletionByKeysAsync(new[] { $"contact-{i}{suffix}" })).OperationId, suffix);
        }

        var outcomes = await tenant.Client.WaitForDeletionsAsync(started.Select(s => s.Id), new DeletionWaitOptions { MaxConcurrency = 5 });

        Assert.Equal(started.Select(s => s.Id), outcomes.Select(o => o.OperationId));
        for (var i = 0; i < started.Length; i++)
        {
            Assert.True(outcomes[i].Succeeded, outcomes[i].Error?.ToString());
            var expected = started[i].Suffix switch
            {
                "-abort" => ContactDeletionState.Restored,
                "-invalid" => ContactDeletionState.Invalid,
                _ => ContactDeletionState.Deleted,
            };
            Assert.Equal(expected, outcomes[i].Result!.State);
        }
    }
}
