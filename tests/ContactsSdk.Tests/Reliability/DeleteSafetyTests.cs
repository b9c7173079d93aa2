using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Reliability;

/// <summary>
/// The POST policy: a delete is resent only when the service cannot have acted on it (a 429, a 401,
/// a connection that was never established, a token request that failed before it). Every other
/// failure is <see cref="DeletionOutcomeUnknownException"/>, and nothing is resent. Each test checks
/// what reached the emulator and which operations exist afterwards.
/// </summary>
public sealed class DeleteSafetyTests
{
    /// <summary>The documented bound: one send and three retries.</summary>
    private const int MaxDeleteAttempts = 4;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_429_is_retried_after_its_Retry_After_and_queues_exactly_one_deletion(bool asHttpDate)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.TooManyRequests(TimeSpan.FromSeconds(42), asHttpDate), times: 2);
        var before = tenant.Clock.GetUtcNow();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        var operation = Assert.Single(tenant.Emulator.Operations);
        Assert.Equal(operation.OperationId, started.OperationId);
        Assert.Equal(new int?[] { 429, 429, 200 }, tenant.DeleteExchanges.Select(e => e.Status));
        // Both waits were the 42 s the server asked for (an HTTP date has whole seconds).
        Assert.InRange(tenant.Clock.GetUtcNow() - before, TimeSpan.FromSeconds(82), TimeSpan.FromSeconds(85));
    }

    [Fact]
    public async Task A_429_burst_beyond_the_retry_bound_is_reported_and_queues_nothing()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.TooManyRequests(TimeSpan.FromSeconds(5)), times: 10);

        var error = await Assert.ThrowsAsync<ContactsRateLimitException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        Assert.Equal(ContactsRateLimitException.RateLimitedErrorCode, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Equal(MaxDeleteAttempts, tenant.Emulator.Statistics.DeleteRequests);
        Assert.Empty(tenant.Emulator.Operations);
        Assert.Equal(10 - MaxDeleteAttempts, tenant.Emulator.Faults.QueuedCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_dropped_after_processing_is_not_resent_and_the_deletion_exists(bool warmConnection)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var earlier = warmConnection ? 1 : 0;
        if (warmConnection)
        {
            // A pooled connection is where a client library could resend silently.
            await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-0" });
        }
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());

        var error = await Assert.ThrowsAsync<DeletionOutcomeUnknownException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        // The SDK's exception for the failed exchange, with the transport's failure inside.
        Assert.IsType<HttpRequestException>(Assert.IsType<ContactsRequestException>(error.InnerException).InnerException);
        Assert.True(error.IsOutcomeUnknown);
        Assert.Null(error.StatusCode);
        Assert.Equal(earlier + 1, tenant.Emulator.Statistics.DeleteRequests);
        // The deletion exists, once, though the caller never got its ID.
        Assert.Single(tenant.Emulator.Operations, o => o.Request.Keys.SequenceEqual(new[] { "contact-1" }));
        Assert.Equal(earlier + 1, tenant.Emulator.Operations.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_dropped_before_processing_is_not_resent_either_as_the_client_cannot_tell(bool warmConnection)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var earlier = warmConnection ? 1 : 0;
        if (warmConnection)
        {
            await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-0" });
        }
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionBeforeProcessing());

        var error = await Assert.ThrowsAsync<DeletionOutcomeUnknownException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        // The connection broke after the request had been written: from the client's side this is
        // the same failure as a drop after processing, so it is reported the same way.
        Assert.NotEqual(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(Assert.IsType<ContactsRequestException>(error.InnerException).InnerException).HttpRequestError);
        Assert.Equal(earlier + 1, tenant.Emulator.Statistics.DeleteRequests);
        Assert.Equal(earlier, tenant.Emulator.Operations.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_the_request_never_left()
    {
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup { ApiConnections = ConnectionGate.RefusingFirst(2) });
        var before = tenant.Clock.GetUtcNow();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(started.OperationId, Assert.Single(tenant.Emulator.Operations).OperationId);
        Assert.Equal(1, tenant.Emulator.Statistics.DeleteRequests);
        var attempts = tenant.DeleteExchanges;
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts.Take(2), e => Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(e.Error).HttpRequestError));
        Assert.Equal(200, attempts[2].Status);
        // Backed off 1 s, then 2 s, on the client's clock.
        Assert.Equal(TimeSpan.FromSeconds(3), tenant.Clock.GetUtcNow() - before);
    }

    [Fact]
    public async Task Connections_refused_beyond_the_retry_bound_fail_as_never_sent()
    {
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup { ApiConnections = ConnectionGate.RefusingFirst(int.MaxValue) });

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        // Never sent: the outcome is known (nothing was queued), and there was no answer.
        Assert.False(error.IsOutcomeUnknown);
        Assert.Null(error.StatusCode);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        Assert.Equal(MaxDeleteAttempts, tenant.DeleteExchanges.Count);
        Assert.Equal(0, tenant.Emulator.Statistics.DeleteRequests);
        Assert.Empty(tenant.Emulator.Operations);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_server_error_on_a_delete_is_outcome_unknown_and_not_resent(int status)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, status == 500 ? Fault.InternalServerError() : Fault.ServiceUnavailable(TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<DeletionOutcomeUnknownException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        var failed = Assert.IsType<ContactsRequestException>(error.InnerException);
        Assert.Equal(status, Assert.IsType<GatewayError>(failed.InnerException).ResponseStatusCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(status == 500 ? 0 : 50300, error.GatewayErrorCode);
        Assert.Equal(1, tenant.Emulator.Statistics.DeleteRequests);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("malformed")]
    [InlineData("no operationID")]
    public async Task An_unreadable_answer_to_a_processed_delete_is_outcome_unknown_not_failure(string damage)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, damage switch
        {
            "truncated" => Fault.TruncatedJson(),
            "malformed" => Fault.MalformedJson(),
            _ => Fault.MissingFields("operationID"),
        });

        await Assert.ThrowsAsync<DeletionOutcomeUnknownException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        // The deletion is queued on the server: saying it failed would invite a second one.
        Assert.Single(tenant.Emulator.Operations);
        Assert.Equal(1, tenant.Emulator.Statistics.DeleteRequests);
    }

    [Fact]
    public async Task An_answer_without_operationInitiated_is_not_read_as_not_initiated()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.MissingFields("operationInitiated"));

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(Assert.Single(tenant.Emulator.Operations).OperationId, started.OperationId);
    }

    [Fact]
    public async Task Extra_fields_in_a_delete_answer_are_ignored()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.ExtraFields());

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(Assert.Single(tenant.Emulator.Operations).OperationId, started.OperationId);
        Assert.Contains(Fault.ExtraFieldName, tenant.DeleteExchanges.Single().ResponseBody);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_token_rejected_on_a_delete_is_refreshed_and_the_delete_sent_once_more(bool revoked)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, revoked ? Fault.RevokeToken() : Fault.ExpireToken());

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        // A 401 means the gateway refused the request before the service saw it: resending is safe.
        Assert.Equal(started.OperationId, Assert.Single(tenant.Emulator.Operations).OperationId);
        Assert.Equal(new int?[] { 401, 200 }, tenant.DeleteExchanges.Select(e => e.Status));
        Assert.Equal(2, tenant.Emulator.Statistics.TokenRequests);
        Assert.NotEqual(tenant.DeleteExchanges[0].Authorization, tenant.DeleteExchanges[1].Authorization);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("drop")]
    [InlineData("429")]
    [InlineData("truncated")]
    public async Task A_token_endpoint_failure_before_a_delete_is_retried_as_nothing_was_sent(string kind)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Token, kind switch
        {
            "500" => Fault.InternalServerError(),
            "drop" => Fault.DropConnectionBeforeProcessing(),
            "429" => Fault.TooManyRequests(TimeSpan.FromSeconds(3)),
            _ => Fault.TruncatedJson(),
        });

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(started.OperationId, Assert.Single(tenant.Emulator.Operations).OperationId);
        Assert.Equal(1, tenant.Emulator.Statistics.DeleteRequests);
        Assert.Equal(2, tenant.Emulator.Statistics.TokenRequests);
    }

    [Fact]
    public async Task A_delete_answered_after_the_timeout_is_outcome_unknown_and_the_deletion_exists()
    {
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup { StallEmulatorTimers = true, RequestTimeout = TenantSetup.HeldResponseTimeout });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.SlowResponse(TimeSpan.FromMinutes(5)));

        var error = await Assert.ThrowsAsync<DeletionOutcomeUnknownException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        Assert.IsAssignableFrom<OperationCanceledException>(Assert.IsType<ContactsRequestException>(error.InnerException).InnerException);
        Assert.Single(tenant.Emulator.Operations);
        Assert.Equal(1, tenant.Emulator.Statistics.DeleteRequests);
    }

    [Fact]
    public async Task A_token_request_that_times_out_before_a_delete_is_retried_not_reported_unknown()
    {
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup { StallEmulatorTimers = true, RequestTimeout = TenantSetup.HeldResponseTimeout });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Token, Fault.SlowResponse(TimeSpan.FromMinutes(5)));

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(started.OperationId, Assert.Single(tenant.Emulator.Operations).OperationId);
        Assert.Equal(1, tenant.Emulator.Statistics.DeleteRequests);
        Assert.Equal(2, tenant.Emulator.Statistics.TokenRequests);
    }
}
