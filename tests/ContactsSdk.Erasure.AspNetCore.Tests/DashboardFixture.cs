using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PuppeteerSharp;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>One service process and one headless Chromium shared by the dashboard's browser tests (each test opens its own browser context: its own cookies).</summary>
public class DashboardFixture : IAsyncLifetime
{
    private IBrowser? _browser;
    private Exception? _browserMissing;

    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>The browser; skips or fails the calling test as <see cref="Chromium.LaunchAsync"/> decided when there is none.</summary>
    public IBrowser Browser => _browser ?? throw _browserMissing!;

    /// <summary>Settings the service process starts with, beyond the development defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? ServiceEnvironment => null;

    public async Task InitializeAsync()
    {
        Service = await ServiceProcess.StartAsync(ServiceEnvironment);
        try
        {
            _browser = await Chromium.LaunchAsync();
        }
        catch (Exception e) when (e is SkipException or InvalidOperationException)
        {
            // Rethrown by every test that needs the browser: a skip on a developer's machine, a failure under CI.
            _browserMissing = e;
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser.Dispose();
        }
        await Service.DisposeAsync();
    }
}
