using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Webhooks;
using PuppeteerSharp;
using Xunit;
using Xunit.Abstractions;
using ContactsSdk.TestSupport.Erasure;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The sample service with two webhook endpoints from its configuration: one a real receiver on
/// 127.0.0.1, the other unreachable and given up after one attempt. The deliveries' state is visible in
/// the API, the health check and the dashboard (a real headless Chromium).
/// </summary>
public sealed class WebhookServiceTests : IClassFixture<WebhookServiceTests.Fixture>
{
    private const string Secret = "whsec-service-tests-0123456789";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly Fixture _fixture;
    private readonly ITestOutputHelper _output;

    public WebhookServiceTests(Fixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task An_erasure_submitted_over_HTTP_is_delivered_to_the_receiver_and_the_unreachable_endpoint_shows_as_failed()
    {
        using var client = _fixture.Service.Client();
        var submitted = await client.PostAsJsonAsync("/erasures", new { requestId = "HOOK-API-1", contactKeys = new[] { "hook-api-secret-key" } });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var receiver = _fixture.Receiver;
        Assert.True(await receiver.WaitUntilAsync(r => r.Any(w => w.RequestId == "HOOK-API-1" && w.EventType == WebhookEventTypes.Closed), Limit), "No erasure.closed arrived.");
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
        Assert.All(receiver.Received, r => Assert.DoesNotContain("hook-api-secret-key", r.Text, StringComparison.Ordinal));

        var report = await WaitForReportAsync(client, r => r.GetProperty("endpoints").EnumerateArray().Any(e => e.GetProperty("name").GetString() == "down" && e.GetProperty("failed").GetInt32() > 0));
        var endpoints = report.GetProperty("endpoints").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(0, endpoints["crm"].GetProperty("failed").GetInt32());
        Assert.Equal(JsonValueKind.String, endpoints["crm"].GetProperty("lastSuccessAt").ValueKind);
        Assert.StartsWith("no answer: ConnectionError", endpoints["down"].GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, endpoints["down"].GetProperty("lastSuccessAt").ValueKind);

        // A failed delivery degrades the service's health, not its readiness.
        using var anonymous = _fixture.Service.Client(authorized: false);
        Assert.Equal("Degraded", await anonymous.GetStringAsync("/health"));
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/erasures/ledger/webhooks")).StatusCode);

        var retried = await client.PostAsync("/erasures/ledger/webhooks/down/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.True((await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retried").GetInt32() > 0);
        var unknown = await client.PostAsync("/erasures/ledger/webhooks/nobody/retry", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No webhook endpoint named 'nobody'", await unknown.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_dashboard_shows_each_endpoints_deliveries_and_the_failing_ones_error()
    {
        using (var client = _fixture.Service.Client())
        {
            await client.PostAsJsonAsync("/erasures", new { requestId = "HOOK-DASH-1", contactKeys = new[] { "hook-dash-secret-key" } });
            await WaitForReportAsync(client, r => r.GetProperty("endpoints").EnumerateArray().Any(e => e.GetProperty("name").GetString() == "down" && e.GetProperty("failed").GetInt32() > 0));
        }
        await using var browser = await DashboardBrowser.OpenAsync(_fixture.Browser, _fixture.Service);
        await browser.SignInAsync("Grace");

        var section = await browser.TextAsync("#webhooks");
        Assert.Contains("Webhook deliveries", section);
        var rows = await browser.Page.QuerySelectorAllAsync("#webhooks tbody tr");
        Assert.Equal(2, rows.Length);
        var crm = await rows[0].EvaluateFunctionAsync<string>("e => e.innerText");
        var down = await rows[1].EvaluateFunctionAsync<string>("e => e.innerText");
        Assert.StartsWith("crm", crm);
        Assert.StartsWith("down", down);
        Assert.Contains("no answer: ConnectionError", down);
        Assert.Equal("overdue", await rows[1].EvaluateFunctionAsync<string>("e => e.className"));
        Assert.DoesNotContain(Secret, await browser.Page.GetContentAsync());
    }

    [SkippableFact]
    public async Task The_webhook_section_fits_a_400_pixel_window()
    {
        await using var browser = await DashboardBrowser.OpenAsync(_fixture.Browser, _fixture.Service, width: 400, height: 900);
        await browser.SignInAsync("Hedy");

        var section = await browser.Page.QuerySelectorAsync("#webhooks") ?? throw new InvalidOperationException("No #webhooks section.");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard-400px-webhooks.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await section.ScreenshotAsync(screenshot);
        _output.WriteLine($"Screenshot of the webhook section at 400 px: {screenshot}");
        var (scrollWidth, viewport) = (await browser.Page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth"), await browser.Page.EvaluateExpressionAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= viewport, $"/ is {scrollWidth} px wide in a {viewport} px window (see {screenshot})");
    }

    private static async Task<JsonElement> WaitForReportAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Limit;
        JsonElement report;
        do
        {
            report = await client.GetFromJsonAsync<JsonElement>("/erasures/ledger/webhooks");
            if (done(report))
            {
                return report;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail("The webhook report never showed what was awaited: " + report);
        return report;
    }

    /// <summary>The receiver, the service configured with it (and an unreachable endpoint), and a browser.</summary>
    public sealed class Fixture : DashboardFixture
    {
        internal WebhookReceiver Receiver { get; } = WebhookReceiver.Start(Secret);

        protected override IReadOnlyDictionary<string, string> ServiceEnvironment => new Dictionary<string, string>
        {
            ["Erasure__Webhooks__0__Name"] = "crm",
            ["Erasure__Webhooks__0__Url"] = Receiver.Url.ToString(),
            ["Erasure__Webhooks__0__Secret"] = Secret,
            ["Erasure__Webhooks__1__Name"] = "down",
            ["Erasure__Webhooks__1__Url"] = $"http://127.0.0.1:{LoopbackPort.Unused()}/hooks",
            ["Erasure__Webhooks__1__Secret"] = Secret,
            ["Erasure__Webhooks__1__Events__0"] = WebhookEventTypes.Closed,
            ["Erasure__WebhookDelivery__DeliveryInterval"] = "00:00:00.200",
            ["Erasure__WebhookDelivery__FirstRetryDelay"] = "00:00:00.200",
            ["Erasure__WebhookDelivery__MaxRetryDelay"] = "00:00:01",
            ["Erasure__WebhookDelivery__MaxAttempts"] = "1",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }
}
