using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PuppeteerSharp;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The system's headless Chromium (Debian's <c>chromium</c> package, or <c>CHROMIUM_PATH</c>), driven over
/// the DevTools protocol; no browser is ever downloaded. Missing, it skips the browser tests on a developer's
/// machine and fails them under <c>CI=true</c> (the CI script installs it).
/// </summary>
public static class Chromium
{
    private static readonly bool IsCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where Chromium is, or null.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(directory => new[] { Path.Combine(directory, "chromium"), Path.Combine(directory, "chromium-browser") })
            .FirstOrDefault(File.Exists);
    }

    public static async Task<IBrowser> LaunchAsync()
    {
        if (Find() is not { } executable)
        {
            const string message = "Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH), so the dashboard's browser tests cannot run.";
            if (IsCi)
            {
                throw new InvalidOperationException(message + " Under CI they must run.");
            }
            throw new SkipException(message);
        }
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }
}
