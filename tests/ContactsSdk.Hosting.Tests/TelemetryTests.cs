using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Hosting.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Microsoft.Kiota.Abstractions;
using Xunit;
using static ContactsSdk.Diagnostics.ContactsSdkDiagnostics;

namespace ContactsSdk.Hosting.Tests;

/// <summary>
/// What an OpenTelemetry pipeline receives from the SDK, exported in memory from a client made by
/// <c>AddContactsSdk</c> and talking to the emulator over loopback.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly DeletionWaitOptions QuickPolls = new() { InitialPollInterval = TimeSpan.FromSeconds(5), MaxPollInterval = TimeSpan.FromMinutes(30) };

    [Fact]
    public async Task A_deletion_followed_to_its_end_gives_one_span_per_operation_with_the_http_spans_under_it()
    {
        await using var tenant = await ObservedTenant.StartAsync();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "subscriber-1", "subscriber-2" });
        var status = await tenant.Client.GetDeletionStatusAsync(started.OperationId);
        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, QuickPolls);

        var start = Assert.Single(tenant.Spans(Activities.StartDeletion));
        Assert.Equal(started.OperationId, start.GetTagItem(Tags.OperationId));
        Assert.Equal(tenant.AccountId, start.GetTagItem(Tags.AccountId));
        Assert.Equal("keys", start.GetTagItem(Tags.DeleteType));
        Assert.Equal(2, start.GetTagItem(Tags.ContactCount));
        Assert.Equal(ActivityStatusCode.Unset, start.Status);

        var read = Assert.Single(tenant.Spans(Activities.GetDeletionStatus));
        Assert.Equal(started.OperationId, read.GetTagItem(Tags.OperationId));
        Assert.Equal(status.GetDeletionState().State.ToString(), read.GetTagItem(Tags.State));

        var wait = Assert.Single(tenant.Spans(Activities.WaitForDeletion));
        Assert.True(result.IsDeleted);
        Assert.Equal("Deleted", wait.GetTagItem(Tags.Verdict));
        Assert.Equal("Deleted", wait.GetTagItem(Tags.State));
        Assert.Equal("Delete", wait.GetTagItem(Tags.Phase));
        Assert.Equal(result.RequestsMade, wait.GetTagItem(Tags.RequestsMade));
        Assert.Contains(wait.Events, e => e.Name == "contactssdk.state_changed");

        // HttpClient's own spans nest under the operation that sent them: one per status poll
        // (and the token renewals the polls needed, as hourly polls outlive an 18-minute token).
        var polls = tenant.Activities().Where(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == wait.SpanId
            && a.GetTagItem("url.full") is string url && url.Contains("/actions/delete/status", StringComparison.Ordinal)).ToList();
        Assert.Equal(result.RequestsMade, polls.Count);
        Assert.Contains(tenant.Activities(), a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == start.SpanId);
    }

    [Fact]
    public async Task Requests_are_counted_by_route_and_outcome_and_deletions_by_type_and_verdict()
    {
        await using var tenant = await ObservedTenant.StartAsync();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "subscriber-1" });
        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, QuickPolls);

        Assert.Equal(tenant.Emulator.Statistics.TokenRequests, tenant.Total(Instruments.Requests, (Tags.Route, "/v2/token"), (Tags.Outcome, "success")));
        Assert.Equal(1, tenant.Total(Instruments.Requests, (Tags.Route, "/contacts/v1/contacts/actions/delete"), (Tags.HttpMethod, "POST"), (Tags.Outcome, "success")));
        Assert.Equal(result.RequestsMade, tenant.Total(Instruments.Requests, (Tags.Route, "/contacts/v1/contacts/actions/delete/status"), (Tags.HttpStatusCode, 200)));
        Assert.Equal(result.RequestsMade + 1 + tenant.Emulator.Statistics.TokenRequests, tenant.Total(Instruments.RequestDuration));
        Assert.Equal(1, tenant.Total(Instruments.DeletionsStarted, (Tags.DeleteType, "keys")));
        Assert.Equal(1, tenant.Total(Instruments.DeletionVerdicts, (Tags.Verdict, "Deleted")));
        var duration = Assert.Single(tenant.Measurements(), p => p.Name == Instruments.DeletionDuration);
        Assert.Equal(result.Elapsed.TotalSeconds, duration.Sum, precision: 3);
    }

    [Fact]
    public async Task Rate_limits_and_a_rejected_token_are_counted_by_error_code_and_retry_reason()
    {
        await using var tenant = await ObservedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "subscriber-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(30)));
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.QuotaExceeded());
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.RevokeToken());

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, QuickPolls);

        Assert.True(result.IsDeleted);
        Assert.Equal(1, tenant.Total(Instruments.RateLimited, (Tags.ErrorCode, "50100")));
        Assert.Equal(1, tenant.Total(Instruments.RateLimited, (Tags.ErrorCode, "50200")));
        Assert.Equal(2, tenant.Total(Instruments.Retries, (Tags.RetryReason, "rate_limited")));
        Assert.Equal(1, tenant.Total(Instruments.Retries, (Tags.RetryReason, "token_rejected")));
        Assert.Equal(1, tenant.Total(Instruments.Requests, (Tags.HttpStatusCode, 401), (Tags.Outcome, "client_error")));
        var wait = Assert.Single(tenant.Spans(Activities.WaitForDeletion));
        var codes = wait.Events.Where(e => e.Name == "contactssdk.gateway_error").Select(e => e.Tags.Single(t => t.Key == Tags.ErrorCode).Value).ToList();
        Assert.Equal(new object?[] { "50100", "50200", "0" }, codes);
    }

    [Fact]
    public async Task A_failed_operation_marks_its_span_with_the_error_type_and_Marketing_Cloud_code()
    {
        await using var tenant = await ObservedTenant.StartAsync();
        // One block more than the status read waits out on its own.
        for (var i = 0; i <= ContactsRetryOptions.DefaultMaxRetries; i++)
        {
            tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.QuotaExceeded());
        }

        var error = await Assert.ThrowsAsync<ContactsRateLimitException>(() => tenant.Client.GetDeletionStatusAsync(7));

        var read = Assert.Single(tenant.Spans(Activities.GetDeletionStatus));
        Assert.Equal(ActivityStatusCode.Error, read.Status);
        Assert.Equal("50200", read.GetTagItem(Tags.ErrorCode));
        Assert.Equal(typeof(ContactsRateLimitException).FullName, read.GetTagItem(Tags.ErrorType));
        Assert.Equal(ContactsRateLimitException.TemporarilyBlockedErrorCode, error.ErrorCode);
        Assert.Equal(ContactsRetryOptions.DefaultMaxRetries, tenant.Total(Instruments.Retries, (Tags.RetryReason, "rate_limited")));
    }

    [Fact]
    public async Task No_tag_event_measurement_or_log_entry_holds_a_contact_key_a_secret_or_a_token()
    {
        await using var tenant = await ObservedTenant.StartAsync();
        var keys = new[] { "jane.doe@example.com", "subscriber-key-7731" };
        var started = await tenant.Client.StartDeletionByKeysAsync(keys);
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.RevokeToken());
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(10)));
        await tenant.Client.WaitForDeletionAsync(started.OperationId, QuickPolls);
        for (var i = 0; i <= ContactsRetryOptions.DefaultMaxRetries; i++)
        {
            tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.QuotaExceeded());
        }
        await Assert.ThrowsAsync<ContactsRateLimitException>(() => tenant.Client.GetDeletionStatusAsync(started.OperationId));

        var secrets = keys.Concat(tenant.Tokens.Values).Append(tenant.Emulator.Credentials.ClientSecret).ToArray();
        Assert.True(tenant.Tokens.Values.Count >= 2, "the scenario should have issued a replacement token");
        var written = new List<string>();
        foreach (var activity in tenant.Activities())
        {
            written.Add(activity.DisplayName);
            written.Add(activity.StatusDescription ?? "");
            written.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            written.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")));
        }
        written.AddRange(tenant.Measurements().SelectMany(p => p.Tags.Select(t => $"{p.Name} {t.Key}={t.Value}")));
        written.AddRange(tenant.Logs.Records.Select(e => e.Text));

        Assert.Contains(written, w => w.StartsWith(Tags.OperationId, StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(written, w => w.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_log_message_carries_its_stable_event_id_and_name()
    {
        await using var tenant = await ObservedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "subscriber-1" });
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.InternalServerError());
        await tenant.Client.WaitForDeletionAsync(started.OperationId, QuickPolls);

        var sdk = tenant.Logs.Records.Where(e => e.Category.StartsWith("ContactsSdk", StringComparison.Ordinal)).ToList();
        var expected = new Dictionary<int, string>
        {
            [1] = "DeletionStarted",
            [2] = "DeletionStateChanged",
            [3] = "StatusReadFailed",
            [5] = "TokenObtained",
        };
        foreach (var (id, name) in expected)
        {
            Assert.Contains(sdk, e => e.EventId.Id == id && e.EventId.Name == name);
        }
        Assert.All(sdk, e => Assert.True(e.EventId.Id > 0, $"no event ID: {e.Text}"));
        Assert.Contains(sdk, e => e.EventId.Id == 1 && e.Text.Contains(started.OperationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
