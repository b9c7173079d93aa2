using System;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The verification button on a ledger someone edited behind the service's back: the overview names the
/// erasure and the column. A service of its own, since its ledger is left broken.
/// </summary>
public sealed class DashboardTamperTests : IClassFixture<DashboardFixture>
{
    private readonly DashboardFixture _fixture;

    public DashboardTamperTests(DashboardFixture fixture)
    {
        _fixture = fixture;
    }

    [SkippableFact]
    public async Task A_verification_after_an_edit_of_the_ledger_names_what_was_changed()
    {
        await using var browser = await DashboardBrowser.OpenAsync(_fixture);
        await browser.SignInAsync("Ada");
        await browser.GoAsync("/submit");
        await browser.Page.TypeAsync("#requestId", "TAMPER-1");
        await browser.Page.TypeAsync("#contactKeys", "tamper-key-1");
        await browser.SubmitAsync("#submit button[type=submit]");
        await browser.WaitForTextAsync("#facts", "Closed", TimeSpan.FromSeconds(90));

        await using (var ledger = new SqliteConnection($"Data Source={_fixture.Service.LedgerPath};Pooling=false"))
        {
            await ledger.OpenAsync();
            await using var edit = ledger.CreateCommand();
            edit.CommandText = "PRAGMA busy_timeout = 5000; UPDATE erasures SET verdict = 'Restored' WHERE request_id = 'TAMPER-1'";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        await browser.GoAsync("/");
        await browser.SubmitAsync("#verification button");
        var verification = await browser.TextAsync("#verification");
        Assert.DoesNotContain("Intact", verification);
        Assert.Contains("problems found", verification);
        Assert.Contains("erasure 'TAMPER-1'", verification);
        Assert.Contains("verdict", verification);
    }
}
