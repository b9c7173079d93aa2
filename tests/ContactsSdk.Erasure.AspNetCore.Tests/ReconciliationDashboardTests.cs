using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The resolve action in a real headless Chromium: a shared request whose answer was lost while another
/// system sent a request of the same size waits on the overview; the person picks the right operation,
/// and the erasure closes with it, the decision recorded with their name.
/// </summary>
public sealed class ReconciliationDashboardTests : IAsyncDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("contactssdk-reconciliation-").FullName;

    [SkippableFact]
    public async Task A_person_resolves_an_ambiguous_reconciliation_from_the_overview()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            NumberOfRestorableDays = 0, DeleteCallFixedTime = TimeSpan.FromMilliseconds(300), DeletePhaseDuration = TimeSpan.FromMilliseconds(300),
        });
        await using var app = await StartHostAsync(emulator);
        var service = app.Services.GetRequiredService<IErasureService>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        // Another system's request of the same size, a moment before ours: both are in the window the lost answer is looked for in.
        await app.Services.GetRequiredService<ContactsClient>().StartDeletionByKeysAsync(["someone-elses-key"]);
        emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());
        await service.SubmitAsync(new ErasureRequest("dashboard-ambiguous", ErasureSubjects.ContactKeys(["dashboard-ambiguous-key"])));
        await WaitAsync(async () => (await service.ListPendingReconciliationsAsync()).Count == 1, "the request never waited for a decision");
        var own = emulator.Operations.Single(o => o.Request.Keys.Contains("dashboard-ambiguous-key")).OperationId;

        await using var browser = await Chromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.SetJavaScriptEnabledAsync(false);
        await page.GoToAsync(address + "/");
        var form = $"form[action=\"/reconciliations/dashboard-ambiguous\"]";
        Assert.NotNull(await page.QuerySelectorAsync(form));
        await page.ClickAsync($"{form} input[value=\"{own.ToString(CultureInfo.InvariantCulture)}\"]");
        var navigation = page.WaitForNavigationAsync();
        await page.ClickAsync($"{form} button[type=submit]");
        await navigation;

        Assert.Equal("/requests/dashboard-ambiguous", new Uri(page.Url).AbsolutePath);
        await WaitAsync(async () => (await service.GetAsync("dashboard-ambiguous"))!.State == ErasureState.Closed, "the erasure did not close after the decision");
        var record = (await service.GetAsync("dashboard-ambiguous"))!;
        Assert.Equal((ErasureVerdict.Deleted, own), (record.Verdict, record.OperationId));
        var entries = await app.Services.GetRequiredService<IErasureLedgerStore>().ReadEntriesAsync(record.ErasureId);
        Assert.Contains(entries, e => e.Kind == "reconciliation-decided" && e.Payload.Contains("\"decidedBy\":\"dashboard-tester\"", StringComparison.Ordinal));
        await page.GoToAsync(address + "/");
        Assert.Contains("No delete request of unknown outcome waits for a decision.", await page.EvaluateExpressionAsync<string>("document.body.innerText"));
    }

    /// <summary>A host as an application builds it: the erasure worker, the dashboard, and a sign-in that makes everyone "dashboard-tester".</summary>
    private async Task<WebApplication> StartHostAsync(MarketingCloudEmulator emulator)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddContactsSdk(o => o.ConnectTo(emulator));
        builder.Services.AddContactsErasure(o =>
        {
            o.UseSqlite(System.IO.Path.Combine(_directory, "erasures.db"));
            o.SubjectHashKey = "reconciliation-dashboard-test-key-0123456789"u8.ToArray();
            o.FirstPollDelay = TimeSpan.FromMilliseconds(200);
            o.MaxPollInterval = TimeSpan.FromSeconds(1);
            o.QueueCheckInterval = TimeSpan.FromMilliseconds(500);
            o.ReconcileSettleTime = TimeSpan.FromSeconds(1);
            o.RetryDelay = TimeSpan.FromMilliseconds(300);
        });
        builder.Services.AddAuthentication("Tester").AddScheme<AuthenticationSchemeOptions, TesterAuthentication>("Tester", null);
        builder.Services.AddAuthorizationBuilder().AddPolicy("dashboard", p => p.RequireAuthenticatedUser());
        builder.Services.AddContactsErasureDashboard();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapContactsErasureDashboard("/", authorizationPolicy: "dashboard");
        await app.StartAsync();
        return app;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), failure);
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (System.IO.IOException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private sealed class TesterAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard-tester")], "Tester")), "Tester")));
    }
}
