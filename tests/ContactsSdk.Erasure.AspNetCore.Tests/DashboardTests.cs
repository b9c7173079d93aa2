using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The dashboard of the sample service (a process on a real port, its embedded emulator) in a real
/// headless Chromium with JavaScript off: what a person signed in with the development sign-in sees and does.
/// </summary>
public sealed class DashboardTests : IClassFixture<DashboardFixture>
{
    private static readonly TimeSpan Closing = TimeSpan.FromSeconds(90);
    private readonly DashboardFixture _fixture;
    private readonly ITestOutputHelper _output;

    public DashboardTests(DashboardFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [SkippableFact]
    public async Task A_person_signs_in_submits_an_erasure_finds_it_in_the_list_and_reads_its_timeline_and_receipt()
    {
        await using var browser = await DashboardBrowser.OpenAsync(_fixture);
        await browser.SignInAsync("Ada");

        await browser.FollowAsync("/submit");
        await browser.Page.TypeAsync("#requestId", "DASH-100");
        await browser.Page.TypeAsync("#contactKeys", "dash-secret-key-1\ndash-secret-key-2");
        await browser.Page.EvaluateFunctionAsync("() => document.querySelector('#deadline').value = ''");
        await browser.Page.TypeAsync("#deadline", "ccpa");
        await browser.SubmitAsync("#submit button[type=submit]");
        Assert.Equal("/requests/DASH-100", new Uri(browser.Page.Url).AbsolutePath);
        Assert.Contains("Erasure DASH-100", await browser.TextAsync("h1"));

        // The list: the newest erasures link to each one's page.
        await browser.GoAsync("/");
        Assert.Contains("DASH-100", await browser.TextAsync("#recent"));
        await browser.FollowAsync("/requests/DASH-100");

        await browser.WaitForTextAsync("#facts", "Closed", Closing);
        Assert.Contains("Deleted", await browser.TextAsync("#facts"));
        Assert.Contains("2 (ContactKeys)", await browser.TextAsync("#facts"));
        var timeline = await browser.TextAsync("#timeline");
        Assert.All(new[] { "submitted", "intent-to-send", "accepted", "verdict", "receipt" }, kind => Assert.Contains(kind, timeline));
        var deadline = await browser.TextAsync("#deadline");
        Assert.Contains("Ccpa", deadline);
        Assert.Contains("Deadline met\tyes", deadline);
        var receipt = await browser.TextAsync("#receipt pre");
        Assert.Contains("\"requestId\": \"DASH-100\"", receipt);
        Assert.Contains("\"verdict\": \"Deleted\"", receipt);

        // The counts include it, and the search by request ID finds it.
        await browser.GoAsync("/");
        Assert.Matches(@"Closed\s+[1-9]", await browser.TextAsync("#counts"));
        await browser.Page.TypeAsync("#search input[name=requestId]", "DASH-100");
        await browser.SubmitAsync("#search button");
        Assert.Equal("/requests/DASH-100", new Uri(browser.Page.Url).AbsolutePath);

        // Contact keys were POSTed: no URL the browser asked for and no line the service logged holds one.
        Assert.DoesNotContain(browser.RequestedUrls, url => url.Contains("dash-secret-key", StringComparison.Ordinal));
        Assert.DoesNotContain(_fixture.Service.Output, line => line.Contains("dash-secret-key", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Overdue_and_at_risk_erasures_come_first_on_the_overview()
    {
        await using var browser = await DashboardBrowser.OpenAsync(_fixture);
        await browser.SignInAsync("Grace");
        // 1,000 contacts keep the erasure in the emulator's delete queue for seconds: it stays active while we look.
        var manyKeys = string.Join('\n', Enumerable.Range(1, 1000).Select(i => $"late-key-{i}"));
        var threeDaysAgo = DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await SubmitAsync(browser, "DASH-OVERDUE", manyKeys, threeDaysAgo, "2d");
        // Due tomorrow; the projection counts the restorable days Marketing Cloud has not reported yet.
        await SubmitAsync(browser, "DASH-AT-RISK", "risk-key-1", "", "1d");

        await browser.GoAsync("/");
        var sections = await browser.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('main > section')].map(s => s.id)");
        Assert.Equal("late", sections[0]);
        var overdue = await browser.TextAsync("#late tr.overdue");
        Assert.Contains("DASH-OVERDUE", overdue);
        Assert.Contains("Overdue", overdue);
        Assert.Contains("DASH-AT-RISK", await browser.TextAsync("#late tr.at-risk"));
        var order = await browser.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#late tbody tr')].map(r => r.className)");
        Assert.Equal(order.OrderByDescending(c => c == "overdue").ToArray(), order);

        // Read on a laptop screen (the browser's 1280 px), kept as an artifact like the narrow window's.
        var laptop = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard-1280px-overview.png");
        Directory.CreateDirectory(Path.GetDirectoryName(laptop)!);
        await browser.Page.ScreenshotAsync(laptop, new PuppeteerSharp.ScreenshotOptions { FullPage = true });
        _output.WriteLine($"Screenshot of / at 1280 px: {laptop}");
        Assert.True(await browser.Page.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"/ overflows at 1280 px (see {laptop})");
    }

    [SkippableFact]
    public async Task The_verification_button_runs_the_check_and_the_overview_keeps_its_result_and_time()
    {
        await using var browser = await DashboardBrowser.OpenAsync(_fixture);
        await browser.SignInAsync("Edsger");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var answer = await browser.SubmitAsync("#verification button");
        Assert.True(answer.Ok, $"{answer.Status}");
        Assert.Equal("/", new Uri(browser.Page.Url).AbsolutePath);
        var verification = await browser.TextAsync("#verification");
        Assert.Contains("Intact", verification);
        var time = await browser.TextAsync("#verification time");
        var verifiedAt = DateTimeOffset.ParseExact(time, "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(verifiedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));

        // Kept: a later visit shows the same result and time.
        await browser.GoAsync("/");
        Assert.Equal(time, await browser.TextAsync("#verification time"));
    }

    [SkippableFact]
    public async Task In_a_400_pixel_window_nothing_overflows_sideways()
    {
        await using var browser = await DashboardBrowser.OpenAsync(_fixture, width: 400, height: 900);
        await browser.SignInAsync("Barbara");
        await SubmitAsync(browser, "DASH-NARROW-WITH-A-RATHER-LONG-TICKET-ID-0001", "narrow-key-1", "", "gdpr");
        await browser.WaitForTextAsync("#facts", "Closed", Closing);

        foreach (var (path, name) in new[] { ("/requests/DASH-NARROW-WITH-A-RATHER-LONG-TICKET-ID-0001", "erasure"), ("/", "overview"), ("/submit", "submit") })
        {
            await browser.GoAsync(path);
            var (scrollWidth, viewport) = (await browser.Page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth"), await browser.Page.EvaluateExpressionAsync<int>("window.innerWidth"));
            var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", $"dashboard-400px-{name}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await browser.Page.ScreenshotAsync(screenshot, new PuppeteerSharp.ScreenshotOptions { FullPage = true });
            _output.WriteLine($"Screenshot of {path} at 400 px: {screenshot}");
            Assert.True(new FileInfo(screenshot).Length > 0);
            Assert.True(scrollWidth <= viewport, $"{path} is {scrollWidth} px wide in a {viewport} px window (see {screenshot})");
        }

    }

    private static async Task SubmitAsync(DashboardBrowser browser, string requestId, string contactKeys, string receivedAt, string deadline)
    {
        await browser.GoAsync("/submit");
        await browser.Page.TypeAsync("#requestId", requestId);
        // Typed keys one by one would take minutes for a thousand; the field is set, the form is still POSTed by its button.
        await browser.Page.EvaluateFunctionAsync("(keys, at, deadline) => { document.querySelector('#contactKeys').value = keys; document.querySelector('#receivedAt').value = at; document.querySelector('#deadline').value = deadline; }", contactKeys, receivedAt, deadline);
        var answer = await browser.SubmitAsync("#submit button[type=submit]");
        Assert.True(answer.Ok, $"{requestId}: {answer.Status} {await browser.TextAsync("main")}");
        Assert.Equal("/requests/" + Uri.EscapeDataString(requestId), new Uri(browser.Page.Url).AbsolutePath);
    }
}
