using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>
/// <see cref="ContactsClient.WaitForDeletionsAsync"/> with batched tracking, over loopback against
/// the emulator on a virtual clock: sweeps of the analytics route pick the operations to read, the
/// status route decides, and whatever the sweep cannot show is polled on its own.
/// </summary>
public sealed class BatchedTrackingTests
{
    private static Task<EmulatedTenant> StartAsync(bool deleteQueue = true) => EmulatedTenant.StartAsync(clock => new EmulatorOptions
    {
        TimeProvider = clock,
        DeleteQueueEnabled = deleteQueue,
        NumberOfRestorableDays = 0,
        DeletePhaseDuration = TimeSpan.FromHours(6),
        TokenLifetime = TimeSpan.FromDays(30),
        OutcomeSelector = request => request.Keys[0].EndsWith("-abort", StringComparison.Ordinal) ? DeleteOutcome.Aborted
            : request.Keys[0].EndsWith("-invalid", StringComparison.Ordinal) ? DeleteOutcome.Invalid
            : DeleteOutcome.Completed,
    });

    /// <summary>Whole hours, rounded up, from now until the last deletion's delete phase ends: the hourly sweeps a wait needs.</summary>
    private static int HoursUntilTheLastDeletionEnds(EmulatedTenant tenant) =>
        (int)Math.Ceiling((tenant.Emulator.Operations.Max(o => o.DeletePhaseEndsAt) - tenant.Clock.GetUtcNow()).TotalHours);

    private static async Task<long[]> StartManyAsync(EmulatedTenant tenant, int count, string suffix = "")
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await tenant.Client.StartDeletionByKeysAsync(new[] { $"contact-{i}{suffix}" })).OperationId;
        }
        return ids;
    }

    [Fact]
    public async Task Many_deletions_cost_one_sweep_per_hour_and_one_status_read_each()
    {
        await using var tenant = await StartAsync();
        var ids = await StartManyAsync(tenant, 30);
        var statusBefore = tenant.Emulator.Statistics.StatusRequests;
        var hours = HoursUntilTheLastDeletionEnds(tenant);

        var outcomes = await tenant.Client.WaitForDeletionsAsync(ids);

        Assert.All(outcomes, o => Assert.Equal(ContactDeletionState.Deleted, o.Result?.State));
        Assert.Equal(30, tenant.Emulator.Statistics.StatusRequests - statusBefore);
        Assert.All(outcomes, o => Assert.Equal(1, o.Result!.RequestsMade));
        // The 30 calls pass the delete queue one after another, then six hours of deletion: a sweep at
        // the start, then one an hour, however long the queue makes the wait.
        Assert.InRange(tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests), hours, hours + 1);
    }

    [Fact]
    public async Task Every_outcome_comes_from_the_status_route_and_each_ID_gets_its_own()
    {
        await using var tenant = await StartAsync();
        var deleted = await StartManyAsync(tenant, 3);
        var aborted = await StartManyAsync(tenant, 3, "-abort");
        var invalid = await StartManyAsync(tenant, 3, "-invalid");
        var ids = deleted.Concat(aborted).Concat(invalid).Append(deleted[0]).ToArray();

        var outcomes = await tenant.Client.WaitForDeletionsAsync(ids);

        Assert.Equal(ids, outcomes.Select(o => o.OperationId));
        Assert.All(outcomes.Take(3).Append(outcomes[^1]), o => Assert.Equal(ContactDeletionState.Deleted, o.Result!.State));
        Assert.All(outcomes.Skip(3).Take(3), o => Assert.Equal(ContactDeletionState.Restored, o.Result!.State));
        Assert.All(outcomes.Skip(6).Take(3), o => Assert.Equal(ContactDeletionState.Invalid, o.Result!.State));
        Assert.All(outcomes, o => Assert.NotNull(o.Result!.LastResponse.BackgroundOperationsSummary));
    }

    [Fact]
    public async Task A_finished_request_on_the_analytics_route_is_no_verdict_until_the_status_route_agrees()
    {
        await using var tenant = await StartAsync();
        var ids = await StartManyAsync(tenant, 2);
        // Once the deletions are finished, the status route still reports an undocumented delete-phase
        // value for four reads: the analytics route's "Completed" must not end the wait.
        tenant.Clock.Advance(TimeSpan.FromHours(7));
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.UnknownBackgroundOperationStatus("Queued"), times: 4);

        var outcomes = await tenant.Client.WaitForDeletionsAsync(ids);

        Assert.All(outcomes, o => Assert.Equal(ContactDeletionState.Deleted, o.Result?.State));
        Assert.Equal(0, tenant.Emulator.Faults.QueuedCount);
        Assert.Equal(2 + 4, outcomes.Sum(o => o.Result!.RequestsMade));
        Assert.All(outcomes, o => Assert.Equal("Completed", o.Result!.LastResponse.BackgroundOperationsSummary!.Single().BackgroundOperationStatusID));
    }

    [Fact]
    public async Task Operations_the_sweep_does_not_list_are_polled_on_their_own()
    {
        await using var tenant = await StartAsync();
        var ids = await StartManyAsync(tenant, 4);
        // The analytics route answers, but without its operations: nothing is listed.
        tenant.Emulator.Faults.AddRule(EmulatorRoute.DeleteRequests, Fault.MissingFields("operations"), probability: 1);

        var outcomes = await tenant.Client.WaitForDeletionsAsync(ids);

        Assert.All(outcomes, o => Assert.Equal(ContactDeletionState.Deleted, o.Result?.State));
        // Polled like one by one: a ramp after each state change, then hourly.
        Assert.All(outcomes, o => Assert.InRange(o.Result!.RequestsMade, 10, 40));
    }

    [Fact]
    public async Task Sweeps_that_keep_failing_fall_back_to_polling_each_deletion()
    {
        await using var tenant = await StartAsync();
        var ids = await StartManyAsync(tenant, 3);
        tenant.Emulator.Faults.AddRule(EmulatorRoute.DeleteRequests, Fault.ServiceUnavailable(), probability: 1);

        var outcomes = await tenant.Client.WaitForDeletionsAsync(ids, new DeletionWaitOptions { MaxConsecutiveFailures = 2 });

        Assert.All(outcomes, o => Assert.Equal(ContactDeletionState.Deleted, o.Result?.State));
        Assert.Equal(3, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
        Assert.All(outcomes, o => Assert.InRange(o.Result!.RequestsMade, 10, 40));
    }

    [Fact]
    public async Task A_sweep_pages_down_to_the_oldest_operation_followed_and_no_further()
    {
        // Without the queue, every followed deletion ends at once, so every sweep pages the same depth.
        await using var tenant = await StartAsync(deleteQueue: false);
        await StartManyAsync(tenant, 25, "-earlier");
        var ids = await StartManyAsync(tenant, 20);

        var outcomes = await tenant.Client.WaitForDeletionsAsync(ids, new DeletionWaitOptions { SweepPageSize = 7 });

        Assert.All(outcomes, o => Assert.Equal(ContactDeletionState.Deleted, o.Result?.State));
        var sweeps = tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests);
        // 20 followed operations, newest first, 7 a page: 3 pages reach the oldest followed one, of 7 pages in all.
        Assert.Equal(0, sweeps % 3);
        Assert.InRange(sweeps / 3, 7, 8);
    }

    [Fact]
    public async Task The_timeout_ends_every_open_wait_with_its_own_error()
    {
        await using var tenant = await StartAsync();
        var ids = await StartManyAsync(tenant, 3);

        var outcomes = await tenant.Client.WaitForDeletionsAsync(ids, new DeletionWaitOptions { Timeout = TimeSpan.FromHours(2) });

        Assert.All(outcomes, o => Assert.Equal(o.OperationId, Assert.IsType<DeletionWaitTimeoutException>(o.Error).OperationId));
    }
}
