using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Reliability;

/// <summary>
/// Faults on the status route (and the token route behind it) while a deletion is followed, the
/// kinds <c>TransientFailureTests</c> does not already cover. Each test checks the outcome, what the
/// wire carried, and how the failures showed in the progress reports.
/// </summary>
public sealed class WaitFaultTests
{
    /// <summary>Tokens that outlive a 14-day wait: the only token requests are the ones a test causes.</summary>
    private static readonly TenantSetup LongLivedTokens = new()
    {
        Emulator = clock => new EmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromDays(60) },
    };

    [Fact]
    public async Task A_503_with_Retry_After_is_waited_out_as_asked()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ServiceUnavailable(TimeSpan.FromSeconds(90)), times: 2);
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        var failed = progress.Reports.Where(r => r.ConsecutiveFailures > 0).ToArray();
        Assert.Equal(new[] { 1, 2 }, failed.Select(r => r.ConsecutiveFailures));
        Assert.All(failed, r => Assert.Equal(TimeSpan.FromSeconds(90), r.NextPollIn));
        Assert.Equal(new int?[] { 503, 503, 200 }, tenant.StatusExchanges.Take(3).Select(e => e.Status));
    }

    [Fact]
    public async Task A_quota_429_without_Retry_After_waits_out_the_pause_of_the_whole_pipeline()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.QuotaExceeded(), times: 3);
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        // Each 50200 pauses the whole pipeline for TemporarilyBlockedPause, and the wait follows that pause.
        var waits = progress.Reports.Where(r => r.ConsecutiveFailures > 0).Select(r => r.NextPollIn);
        Assert.Equal(Enumerable.Repeat(ContactsClientOptions.DefaultTemporarilyBlockedPause, 3), waits);
    }

    [Fact]
    public async Task A_status_connection_dropped_after_processing_is_simply_read_again()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.DropConnectionAfterProcessing(), times: 2);

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId);

        Assert.True(result.IsDeleted);
        Assert.Equal(2, tenant.StatusExchanges.Count(e => e.Error is not null));
        Assert.Equal(result.RequestsMade, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task A_slow_status_answer_within_the_timeout_is_no_failure()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.SlowResponse(TimeSpan.FromSeconds(30)));
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.All(progress.Reports, r => Assert.Equal(0, r.ConsecutiveFailures));
        Assert.Equal(1, tenant.Emulator.Statistics.FaultsInjected(FaultKind.SlowResponse));
    }

    [Fact]
    public async Task A_status_answer_slower_than_the_timeout_is_a_transient_failure()
    {
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup { StallEmulatorTimers = true, RequestTimeout = TenantSetup.HeldResponseTimeout });
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.SlowResponse(TimeSpan.FromMinutes(10)));
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.Equal(1, progress.Reports.First().ConsecutiveFailures);
        Assert.IsAssignableFrom<OperationCanceledException>(tenant.StatusExchanges.First().Error);
        Assert.Equal(result.RequestsMade, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task Extra_fields_change_nothing_and_stay_available_on_the_model()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var progress = ArmOnTerminalRead(tenant, started.OperationId, Fault.ExtraFields());

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.True(result.LastResponse.AdditionalData.ContainsKey(Fault.ExtraFieldName));
        Assert.Equal(1, tenant.Emulator.Statistics.FaultsInjected(FaultKind.ExtraFields));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("unknown")]
    public async Task A_terminal_answer_without_a_readable_delete_status_is_not_taken_as_deleted(string damage)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var fault = damage == "missing"
            ? Fault.MissingFields("backgroundOperationsSummary.backgroundOperationStatusID")
            : Fault.UnknownBackgroundOperationStatus("CompletedWithWarnings");
        var progress = ArmOnTerminalRead(tenant, started.OperationId, fault);

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        // The damaged read said "still deleting"; only the next, whole one said Completed.
        Assert.True(result.IsDeleted);
        var last = progress.Reports.TakeLast(2).ToArray();
        Assert.Equal(ContactDeletionState.Deleting, last[0].State);
        Assert.Equal(damage == "missing" ? null : "CompletedWithWarnings", last[0].RawStatus);
        Assert.Equal(ContactDeletionState.Deleted, last[1].State);
        Assert.Equal(1, tenant.Emulator.Statistics.Snapshot().TotalFaultsInjected);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("unknown")]
    public async Task A_suppression_answer_without_a_readable_status_reads_as_pending(string damage)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Clock.Advance(TimeSpan.FromDays(1));
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, damage == "missing" ? Fault.MissingFields("operation.status") : Fault.UnknownOperationStatus("Scheduled"));

        var damaged = await tenant.Client.GetDeletionStatusAsync(started.OperationId);
        var whole = await tenant.Client.GetDeletionStatusAsync(started.OperationId);

        Assert.Equal(ContactDeletionState.SuppressionPending, damaged.GetDeletionState().State);
        Assert.Equal(damage == "missing" ? null : "Scheduled", damaged.Operation?.Status);
        Assert.Equal(ContactDeletionState.Suppressed, whole.GetDeletionState().State);
    }

    [Fact]
    public async Task A_fresh_token_rejected_again_costs_one_failure_not_the_wait()
    {
        await using var tenant = await InstrumentedTenant.StartAsync(LongLivedTokens);
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        // The poll's token and the token fetched to resend it are both revoked.
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.RevokeToken(), times: 2);
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.Equal(1, progress.Reports.First().ConsecutiveFailures);
        Assert.Equal(2, tenant.Emulator.Statistics.UnauthorizedResponses);
        // The first token, its refresh (rejected in turn, so dropped) and the next poll's token.
        Assert.Equal(3, tenant.IssuedTokens.Count);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("429")]
    [InlineData("drop")]
    [InlineData("truncated")]
    public async Task A_token_endpoint_failing_when_the_token_must_be_renewed_does_not_end_the_wait(string kind)
    {
        await using var tenant = await InstrumentedTenant.StartAsync(LongLivedTokens);
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ExpireToken());
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Token, kind switch
        {
            "500" => Fault.InternalServerError(),
            "429" => Fault.TooManyRequests(TimeSpan.FromSeconds(10)),
            "drop" => Fault.DropConnectionBeforeProcessing(),
            _ => Fault.TruncatedJson(),
        });
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.Equal(1, progress.Reports.First().ConsecutiveFailures);
        Assert.Equal(3, tenant.Emulator.Statistics.TokenRequests); // the first, the failed renewal, the next renewal
    }

    [Fact]
    public async Task A_token_without_expires_in_serves_one_call_and_is_then_replaced()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Token, Fault.MissingFields("expires_in"));
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        // No lifetime means no reuse: the next call fetches a token, which (whole this time) lasts.
        await tenant.Client.GetDeletionStatusAsync(started.OperationId);
        await tenant.Client.GetDeletionStatusAsync(started.OperationId);

        Assert.Equal(2, tenant.Emulator.Statistics.TokenRequests);
        Assert.Equal(0, tenant.Emulator.Statistics.UnauthorizedResponses);
        Assert.Equal(tenant.IssuedTokens[0], tenant.DeleteExchanges.Single().Authorization?.Replace("Bearer ", "", StringComparison.Ordinal));
        Assert.All(tenant.StatusExchanges, e => Assert.Equal("Bearer " + tenant.IssuedTokens[1], e.Authorization));
    }

    /// <summary>
    /// Progress that puts <paramref name="fault"/> on the first status read that will find the
    /// operation terminal: the one a wrong reading would turn into a wrong result.
    /// </summary>
    private static RecordingProgress ArmOnTerminalRead(InstrumentedTenant tenant, long operationId, Fault fault)
    {
        var armed = 0;
        var endsAt = tenant.Emulator.FindOperation(operationId)!.DeletePhaseEndsAt;
        return new RecordingProgress(report =>
        {
            if (tenant.Clock.GetUtcNow() + report.NextPollIn >= endsAt && System.Threading.Interlocked.Exchange(ref armed, 1) == 0)
            {
                tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, fault);
            }
        });
    }
}
