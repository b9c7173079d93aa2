using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Erasure.Webhooks;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;
using ContactsSdk.TestSupport;
using ContactsSdk.TestSupport.Erasure;

namespace ContactsSdk.Erasure.Tests.Webhooks;

/// <summary>
/// Webhooks from a real worker host (Quartz, the SQLite ledger, the emulator) to a real HTTP receiver
/// on 127.0.0.1: every ledger step arrives, in order, signed, at least once, and failures are visible.
/// </summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "whsec-delivery-tests-0123456789";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task An_erasure_is_delivered_from_submission_to_close_in_order_signed_and_without_its_subjects()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        await using var receiver = WebhookReceiver.Start(Secret);
        using var host = BuildWorker(emulator, receiver.Url.ToString());
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            var erasure = await service.SubmitAsync(new ErasureRequest("hook-order-1", ErasureSubjects.ContactKeys(["subject-key-do-not-leak-1"])));

            Assert.True(await receiver.WaitUntilAsync(r => r.Any(w => w.EventType == WebhookEventTypes.Closed), Limit), "No erasure.closed arrived.");
            var entries = await host.Services.GetRequiredService<IErasureLedgerStore>().ReadEntriesAsync(erasure.ErasureId);
            var received = receiver.Deduplicated.Where(r => r.ErasureId == erasure.ErasureId).ToList();

            // One delivery per ledger entry, in the ledger's order; the last closes the erasure.
            Assert.Equal(entries.Select(e => (e.Sequence, e.Kind)), received.Select(r => (r.EntrySequence!.Value, r.EntryKind!)));
            Assert.Equal("submitted", received[0].EntryKind);
            Assert.Equal(WebhookEventTypes.Closed, received[^1].EventType);
            Assert.All(received[..^1], r => Assert.Equal(WebhookEventTypes.StateChanged, r.EventType));
            var closed = received[^1].Json.GetProperty("erasure");
            Assert.Equal(("Closed", "Deleted", "hook-order-1"), (closed.GetProperty("state").GetString(), closed.GetProperty("verdict").GetString(), closed.GetProperty("requestId").GetString()));
            Assert.All(receiver.Received, r =>
            {
                Assert.True(r.SignatureValid, $"Bad signature on {r.DeliveryId}.");
                Assert.Equal(r.DeliveryId, r.Json.GetProperty("deliveryId").GetGuid());
                Assert.Equal(r.EventType, r.Json.GetProperty("type").GetString());
                Assert.DoesNotContain("subject-key-do-not-leak", r.Text, StringComparison.Ordinal);
            });
            Assert.All(receiver.Received, r => Assert.False(WebhookSignature.Verify("whsec-wrong-secret", r.Signature, r.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance)));

            var report = await host.Services.GetRequiredService<IErasureWebhooks>().GetDeliveryReportAsync();
            var endpoint = Assert.Single(report.Endpoints);
            Assert.Equal(("receiver", true, 0, 0), (endpoint.Name, endpoint.Registered, endpoint.Pending, endpoint.Failed));
            Assert.NotNull(endpoint.LastSuccessAt);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_the_same_delivery_again_and_keeps_each_delivery_once_by_its_ID()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        await using var receiver = WebhookReceiver.Start(Secret);
        // The first three requests fail; every later one succeeds.
        receiver.Status = n => n <= 3 ? 500 : 204;
        using var host = BuildWorker(emulator, receiver.Url.ToString());
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            var erasure = await service.SubmitAsync(new ErasureRequest("hook-retry-1", ErasureSubjects.ContactKeys(["retry-key-1"])));

            Assert.True(await receiver.WaitUntilAsync(r => r.Any(w => w.EventType == WebhookEventTypes.Closed), Limit), "No erasure.closed arrived.");
            var first = receiver.Received.Take(4).ToList();
            // The submitted event was sent four times under one delivery ID: three 500s, then accepted.
            Assert.Single(first.Select(r => r.DeliveryId).Distinct());
            Assert.Equal(1L, first[0].EntrySequence);
            Assert.True(receiver.Received.Count > receiver.Deduplicated.Count);
            var entries = await host.Services.GetRequiredService<IErasureLedgerStore>().ReadEntriesAsync(erasure.ErasureId);
            Assert.Equal(entries.Select(e => e.Sequence), receiver.Deduplicated.Select(r => r.EntrySequence!.Value));

            var endpoint = await EndpointWhenAsync(host.Services.GetRequiredService<IErasureWebhooks>(), e => e.LastSuccessAt is not null);
            Assert.Equal(("HTTP 500 Internal Server Error", 0), (endpoint.LastError, endpoint.Failed));
            Assert.True(endpoint.LastSuccessAt > endpoint.LastErrorAt);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Deliveries_to_an_unreachable_receiver_wait_visibly_and_all_arrive_once_it_listens()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        var port = LoopbackPort.Unused();
        using var host = BuildWorker(emulator, $"http://127.0.0.1:{port}/hooks");
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            var erasure = await service.SubmitAsync(new ErasureRequest("hook-down-1", ErasureSubjects.ContactKeys(["down-key-1"])));
            Assert.True(await FastWorkerHost.WaitUntilAllClosedAsync(service, Limit), "The erasure did not close.");
            var webhooks = host.Services.GetRequiredService<IErasureWebhooks>();
            WebhookEndpointHealth? waiting = null;
            for (var i = 0; i < 100 && waiting?.LastError is null; i++)
            {
                waiting = (await webhooks.GetDeliveryReportAsync()).Endpoints.Single();
                await Task.Delay(100);
            }
            Assert.NotNull(waiting);
            Assert.True(waiting.Pending > 0, "No delivery was pending while the receiver was down.");
            Assert.StartsWith("no answer: ConnectionError", waiting.LastError);
            Assert.Null(waiting.LastSuccessAt);

            await using var receiver = WebhookReceiver.Start(Secret, port);
            Assert.True(await receiver.WaitUntilAsync(r => r.Any(w => w.EventType == WebhookEventTypes.Closed), Limit), "No erasure.closed arrived once the receiver listened.");
            var entries = await host.Services.GetRequiredService<IErasureLedgerStore>().ReadEntriesAsync(erasure.ErasureId);
            Assert.Equal(entries.Select(e => e.Sequence), receiver.Deduplicated.Select(r => r.EntrySequence!.Value));
            Assert.Equal(0, (await EndpointWhenAsync(webhooks, e => e.Pending == 0)).Pending);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_delivery_failing_past_its_attempts_is_counted_as_failed_with_its_error_and_sent_again_on_request()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        await using var receiver = WebhookReceiver.Start(Secret);
        receiver.Status = _ => 503;
        // A receiver's URL may carry a token of its own: like the secret, it must never reach a log.
        using var logs = new CapturingLoggerProvider();
        using var host = BuildWorker(emulator, receiver.Url + "/receiver-url-token-42", o => o.MaxAttempts = 2, logs: logs);
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            var erasure = await service.SubmitAsync(new ErasureRequest("hook-failed-1", ErasureSubjects.ContactKeys(["failed-key-1"])));
            Assert.True(await FastWorkerHost.WaitUntilAllClosedAsync(service, Limit), "The erasure did not close.");
            var entries = await host.Services.GetRequiredService<IErasureLedgerStore>().ReadEntriesAsync(erasure.ErasureId);
            var webhooks = host.Services.GetRequiredService<IErasureWebhooks>();
            WebhookEndpointHealth endpoint = null!;
            for (var i = 0; i < 200; i++)
            {
                endpoint = (await webhooks.GetDeliveryReportAsync()).Endpoints.Single();
                if (endpoint.Failed == entries.Count)
                {
                    break;
                }
                await Task.Delay(100);
            }
            // Each event was tried twice, then given up; given up, it no longer held the next one back.
            Assert.Equal((entries.Count, 0, 503), (endpoint.Failed, endpoint.Pending, endpoint.LastStatus));
            Assert.Equal("HTTP 503 Service Unavailable", endpoint.LastError);
            Assert.Equal(2 * entries.Count, receiver.Received.Count);

            receiver.Status = _ => 200;
            Assert.Equal(entries.Count, await webhooks.RetryFailedAsync("receiver"));
            Assert.True(await receiver.WaitUntilAsync(r => r.Count(w => w.EventType == WebhookEventTypes.Closed) == 3, Limit), "The failed deliveries were not sent again.");
            var after = await EndpointWhenAsync(webhooks, e => (e.Failed, e.Pending) == (0, 0));
            Assert.Equal((0, 0), (after.Failed, after.Pending));
            await Assert.ThrowsAsync<ArgumentException>(() => webhooks.RetryFailedAsync("no-such-endpoint"));
            Assert.Contains(logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains("endpoint 'receiver' failed (attempt 1: HTTP 503 Service Unavailable)", StringComparison.Ordinal));
            Assert.Contains(logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) && e.Contains("is given up after 2 attempt(s)", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Entries, e => e.Contains(Secret, StringComparison.Ordinal) || e.Contains("receiver-url-token-42", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task An_overdue_erasure_is_announced_once_however_often_the_deadline_check_runs_and_only_to_the_endpoints_subscribed()
    {
        // A delete phase of several seconds keeps the erasure open through many deadline checks.
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            NumberOfRestorableDays = 0,
            DeleteCallFixedTime = TimeSpan.FromMilliseconds(300),
            DeleteCallTimePerContact = TimeSpan.Zero,
            DeletePhaseDuration = TimeSpan.FromSeconds(5),
        });
        await using var receiver = WebhookReceiver.Start(Secret);
        await using var lateOnly = WebhookReceiver.Start(Secret);
        using var host = BuildWorker(emulator, receiver.Url.ToString(),
            o => o.Endpoints.Add(new WebhookEndpoint { Name = "late-only", Url = lateOnly.Url.ToString(), Secret = Secret, Events = [WebhookEventTypes.Overdue] }),
            erasure => erasure.Deadlines.CheckInterval = TimeSpan.FromMilliseconds(300));
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            // Received 40 days ago under GDPR's one month: overdue from the start.
            var erasure = await service.SubmitAsync(new ErasureRequest("hook-overdue-1", ErasureSubjects.ContactKeys(["overdue-key-1"])) { ReceivedAt = DateTimeOffset.UtcNow.AddDays(-40) });

            Assert.True(await receiver.WaitUntilAsync(r => r.Any(w => w.EventType == WebhookEventTypes.Closed), Limit), "No erasure.closed arrived.");
            await Task.Delay(1000);

            var overdue = Assert.Single(receiver.Deduplicated, r => r.EventType == WebhookEventTypes.Overdue);
            Assert.Equal(erasure.ErasureId, overdue.ErasureId);
            Assert.Null(overdue.EntrySequence);
            Assert.True(overdue.Json.GetProperty("projectedEndAt").GetDateTimeOffset() > overdue.Json.GetProperty("erasure").GetProperty("dueAt").GetDateTimeOffset());
            var only = Assert.Single(lateOnly.Deduplicated);
            Assert.Equal((WebhookEventTypes.Overdue, erasure.ErasureId), (only.EventType, only.ErasureId));
            Assert.True(only.SignatureValid);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("", "http://127.0.0.1/hooks", Secret, "Name is required")]
    [InlineData("receiver", "/relative", Secret, "Url must be an absolute http or https URL")]
    [InlineData("receiver", "ftp://127.0.0.1/hooks", Secret, "Url must be an absolute http or https URL")]
    [InlineData("receiver", "http://127.0.0.1/hooks", " ", "Secret is required")]
    public void An_endpoint_that_cannot_work_is_refused_at_registration_with_a_clear_error(string name, string url, string secret, string expected)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddContactsErasureWebhooks(o =>
            o.Endpoints.Add(new WebhookEndpoint { Name = name, Url = url, Secret = secret })));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void Two_endpoints_of_one_name_or_an_unknown_event_type_are_refused()
    {
        var duplicate = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddContactsErasureWebhooks(o =>
        {
            o.Endpoints.Add(new WebhookEndpoint { Name = "crm", Url = "https://example.test/a", Secret = Secret });
            o.Endpoints.Add(new WebhookEndpoint { Name = "CRM", Url = "https://example.test/b", Secret = Secret });
        }));
        Assert.Contains("Webhook endpoint 1 ('CRM'): another endpoint has the same Name", duplicate.Message);

        var unknown = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddContactsErasureWebhooks(o =>
            o.Endpoints.Add(new WebhookEndpoint { Name = "crm", Url = "https://example.test/a", Secret = Secret, Events = ["erasure.deleted"] })));
        Assert.Contains("unknown event type 'erasure.deleted'", unknown.Message);
    }

    private IHost BuildWorker(
        MarketingCloudEmulator emulator, string url, Action<ErasureWebhookOptions>? configure = null, Action<ErasureOptions>? configureErasure = null, CapturingLoggerProvider? logs = null)
    {
        var ledger = _directory.File($"ledger-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }
        builder.Services.AddContactsSdk(o => o.ConnectTo(emulator));
        builder.Services.AddContactsErasure(o =>
        {
            o.UseSqlite(ledger);
            o.SubjectHashKey = "webhook-tests-subject-hash-key-0123456789"u8.ToArray();
            o.FirstPollDelay = TimeSpan.FromMilliseconds(200);
            o.MaxPollInterval = FastWorkerHost.MaxPollInterval;
            o.SendSlotRetryDelay = TimeSpan.FromMilliseconds(100);
            o.ReconcileSettleTime = TimeSpan.FromSeconds(1);
            o.RetryDelay = TimeSpan.FromMilliseconds(300);
            configureErasure?.Invoke(o);
        });
        builder.Services.AddContactsErasureWebhooks(o =>
        {
            o.Endpoints.Add(new WebhookEndpoint { Name = "receiver", Url = url, Secret = Secret });
            o.DeliveryInterval = TimeSpan.FromMilliseconds(200);
            o.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
            o.RequestTimeout = TimeSpan.FromSeconds(2);
            configure?.Invoke(o);
        });
        return builder.Build();
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// The endpoint's report once <paramref name="recorded"/> holds, or the last one read after ten seconds:
    /// the receiver answers before the delivery job records the outcome, so the record comes a moment later.
    /// </summary>
    private static async Task<WebhookEndpointHealth> EndpointWhenAsync(IErasureWebhooks webhooks, Func<WebhookEndpointHealth, bool> recorded)
    {
        var endpoint = (await webhooks.GetDeliveryReportAsync()).Endpoints.Single();
        for (var i = 0; i < 100 && !recorded(endpoint); i++)
        {
            await Task.Delay(100);
            endpoint = (await webhooks.GetDeliveryReportAsync()).Endpoints.Single();
        }
        return endpoint;
    }
}
