using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Tasks;
using PuppeteerSharp;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// One person at the dashboard: a browser context of their own (cookies), a page with JavaScript turned
/// off (the dashboard must work without it), and every URL the browser requested.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _service;

    private DashboardBrowser(IBrowserContext context, IPage page, Uri service)
    {
        _context = context;
        Page = page;
        _service = service;
        page.Request += (_, e) => RequestedUrls.Enqueue(e.Request.Url);
    }

    public IPage Page { get; }

    public ConcurrentQueue<string> RequestedUrls { get; } = new();

    public static Task<DashboardBrowser> OpenAsync(DashboardFixture fixture, int width = 1280, int height = 900) =>
        OpenAsync(fixture.Browser, fixture.Service, width, height);

    public static async Task<DashboardBrowser> OpenAsync(IBrowser browser, ServiceProcess service, int width = 1280, int height = 900)
    {
        var context = await browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.SetJavaScriptEnabledAsync(false);
        return new DashboardBrowser(context, page, service.Address);
    }

    /// <summary>Opens the dashboard, is sent to the development sign-in, signs in as <paramref name="name"/> and lands on the overview.</summary>
    public async Task SignInAsync(string name)
    {
        await GoAsync("/");
        Assert.Equal("/sign-in", new Uri(Page.Url).AbsolutePath);
        await Page.TypeAsync("#name", name);
        await SubmitAsync("form button[type=submit]");
        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
        Assert.Contains("Signed in as " + name, await TextAsync("header"));
    }

    public async Task<IResponse> GoAsync(string path) => await Page.GoToAsync(new Uri(_service, path).ToString());

    /// <summary>Clicks a form's button and waits for the page its answer leads to.</summary>
    public async Task<IResponse> SubmitAsync(string buttonSelector)
    {
        var navigation = Page.WaitForNavigationAsync();
        await Page.ClickAsync(buttonSelector);
        return await navigation;
    }

    /// <summary>Follows the first link to <paramref name="href"/> on the page, as a person would.</summary>
    public async Task FollowAsync(string href)
    {
        var link = await Page.QuerySelectorAsync($"a[href=\"{href}\"]");
        Assert.True(link is not null, $"No link to '{href}' on {Page.Url}");
        var navigation = Page.WaitForNavigationAsync();
        await link.ClickAsync();
        await navigation;
    }

    public async Task<string> TextAsync(string selector)
    {
        var element = await Page.QuerySelectorAsync(selector) ?? throw new InvalidOperationException($"No '{selector}' on {Page.Url}");
        return await element.EvaluateFunctionAsync<string>("e => e.innerText");
    }

    /// <summary>Reloads the page until <paramref name="selector"/>'s text holds <paramref name="expected"/>.</summary>
    public async Task WaitForTextAsync(string selector, string expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!(await TextAsync(selector)).Contains(expected, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < timeout, $"'{selector}' of {Page.Url} did not show '{expected}' within {timeout}: {await TextAsync(selector)}");
            await Task.Delay(500);
            await Page.ReloadAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
    }
}
