using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Sample.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>
/// The compliance operator's commands run as processes against a ledger in a temporary directory,
/// with the emulator the sample keeps beside it: a whole erasure, a real SIGKILL in the middle of one,
/// and bad input.
/// </summary>
public sealed class ErasureCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("contactssdk-sample-erasure-");

    private string Ledger => Path.Combine(_temp.Path, "erasures.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_erasure_ends_deleted_with_a_receipt_that_holds_no_contact_key_and_the_ledger_verifies()
    {
        using var submit = await RunAsync("erasure", "submit", "--request-id", "GDPR-100", "--key", "erasure-contact-a", "--key", "erasure-contact-b");

        Assert.True(submit.ExitCode == 0, submit.StandardOutput + submit.StandardError);
        Assert.Contains("Erasure 'GDPR-100' closed: Deleted.", submit.StandardOutput);
        Assert.Equal(1, EmulatedDeletions());

        using var list = await RunAsync("erasure", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(list.StandardOutput.Split('\n'), line => line.StartsWith("GDPR-100  Closed  Deleted  operation 1", StringComparison.Ordinal));

        var receiptPath = Path.Combine(_temp.Path, "receipt.json");
        using var export = await RunAsync("erasure", "export", "GDPR-100", "--out", receiptPath);
        Assert.Equal(0, export.ExitCode);
        var receipt = await File.ReadAllTextAsync(receiptPath);
        using (var json = JsonDocument.Parse(receipt))
        {
            Assert.Equal("GDPR-100", json.RootElement.GetProperty("requestId").GetString());
            Assert.Equal("Deleted", json.RootElement.GetProperty("verdict").GetString());
            var deadline = json.RootElement.GetProperty("deadline");
            Assert.Equal("Gdpr", deadline.GetProperty("regime").GetString());
            Assert.True(deadline.GetProperty("met").GetBoolean());
        }

        Assert.DoesNotContain("erasure-contact-a", receipt);

        using var csv = await RunAsync("erasure", "export", "--csv", "--from", "2000-01-01", "--to", "2100-01-01");
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains(csv.StandardOutput.Split('\n'), line => line.StartsWith("GDPR-100,", StringComparison.Ordinal) && line.TrimEnd('\r').EndsWith(",true", StringComparison.Ordinal));
        Assert.DoesNotContain("erasure-contact-a", csv.StandardOutput);

        using var verify = await RunAsync("erasure", "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("The ledger is intact: 1 erasure(s)", verify.StandardOutput);
    }

    [Fact]
    public async Task Verify_names_the_erasure_and_the_column_when_its_row_verdict_was_edited_from_Deleted_to_Restored()
    {
        using var submit = await RunAsync("erasure", "submit", "--request-id", "GDPR-EDIT", "--key", "edited-contact-1");
        Assert.True(submit.ExitCode == 0, submit.StandardOutput + submit.StandardError);

        // An insider with write access to the database, behind the ledger's back.
        await using (var connection = new SqliteConnection($"Data Source={Ledger};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE erasures SET verdict = 'Restored' WHERE request_id = 'GDPR-EDIT'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        using var list = await RunAsync("erasure", "list");
        Assert.Contains(list.StandardOutput.Split('\n'), line => line.StartsWith("GDPR-EDIT  Closed  Restored", StringComparison.Ordinal));

        using var verify = await RunAsync("erasure", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(verify.ErrorLines, line => line.StartsWith("error: erasure 'GDPR-EDIT'", StringComparison.Ordinal)
            && line.Contains("the erasure row's verdict is Restored, its entries say Deleted", StringComparison.Ordinal));
        Assert.Contains("The ledger is NOT intact: 1 problem(s) in 1 erasure(s).", verify.StandardError);
    }

    // Killed after the erasure is recorded and after it is accepted. The Sending state between them lasts
    // milliseconds (the request is formed and sent in one step), shorter than the command's 250 ms
    // follow poll, so a kill "after Sending" would only test the poll's luck; the worker crash tests kill
    // at that moment deterministically (Crash/CrashRecoveryTests: DuringBatchFormation, AfterIntent,
    // after the POST, AfterAnswerBeforeRecord).
    [Theory]
    [InlineData("is recorded")]
    [InlineData(": Accepted")]
    public async Task Killed_with_SIGKILL_and_run_again_the_same_command_continues_the_same_erasure(string killAfter)
    {
        string[] command = ["erasure", "submit", "--request-id", "GDPR-KILL", "--key", "killed-contact-1", "--ledger", Ledger];
        using (var first = SampleProcess.Start(SamplePrograms.Sample, command))
        {
            await first.WaitForOutputAsync(killAfter);
            first.Signal(PosixSignalNumber.SigKill);
            await first.WaitForExitAsync();
            Assert.Equal(137, first.ExitCode);
        }

        using var again = await SampleProcess.RunAsync(SamplePrograms.Sample, command, null);

        Assert.True(again.ExitCode == 0, again.StandardOutput + again.StandardError);
        Assert.Contains("Erasure 'GDPR-KILL' closed: Deleted.", again.StandardOutput);
        // One deletion in the emulator, whatever the moment of the kill: nothing was sent twice.
        Assert.Equal(1, EmulatedDeletions());
        using var verify = await RunAsync("erasure", "verify");
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task List_shows_due_dates_and_days_left_and_lists_the_overdue_or_at_risk_erasures_alone_and_show_the_deadline()
    {
        var fiftyDaysAgo = DateTimeOffset.UtcNow.AddDays(-50).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        // A one-day deadline cannot hold 24 hours of delete phase after the call, whatever the deletion has reached.
        using (var atRisk = await RunAsync("erasure", "submit", "--request-id", "DL-RISK", "--key", "dl-contact-1", "--deadline", "1d", "--no-wait"))
        {
            Assert.True(atRisk.ExitCode == 0, atRisk.StandardOutput + atRisk.StandardError);
            Assert.Contains("due ", atRisk.StandardOutput);
        }

        using (var overdue = await RunAsync("erasure", "submit", "--request-id", "DL-LATE", "--key", "dl-contact-2", "--deadline", "ccpa", "--received-at", fiftyDaysAgo, "--no-wait"))
        {
            Assert.True(overdue.ExitCode == 0, overdue.StandardOutput + overdue.StandardError);
        }

        using (var fine = await RunAsync("erasure", "submit", "--request-id", "DL-FINE", "--key", "dl-contact-3", "--no-wait"))
        {
            Assert.True(fine.ExitCode == 0, fine.StandardOutput + fine.StandardError);
        }

        using var list = await RunAsync("erasure", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"(?m)^DL-RISK  .*  due \S+ \S+ \(0 d 2[0-3] h left\)\r?$", list.StandardOutput);
        Assert.Matches(@"(?m)^DL-LATE  .*  due \S+ \S+ \(overdue by [45] d \d+ h\)\r?$", list.StandardOutput);
        Assert.Matches(@"(?m)^DL-FINE  .*  due \S+ \S+ \((29|30) d \d+ h left\)\r?$", list.StandardOutput);

        using var risky = await RunAsync("erasure", "list", "--at-risk");
        Assert.Equal(0, risky.ExitCode);
        Assert.Equal(["DL-RISK"], RequestIds(risky.StandardOutput));
        Assert.Contains("projected end", risky.StandardOutput);
        Assert.Contains("1 erasure(s) at risk of 3 active with a deadline.", risky.StandardOutput);

        using var late = await RunAsync("erasure", "list", "--overdue");
        Assert.Equal(["DL-LATE"], RequestIds(late.StandardOutput));

        using var both = await RunAsync("erasure", "list", "--overdue", "--at-risk");
        Assert.Equal(["DL-LATE", "DL-RISK"], RequestIds(both.StandardOutput));

        using var show = await RunAsync("erasure", "show", "DL-LATE");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"  deadline:    CCPA, request received {fiftyDaysAgo.Replace('T', ' ')}", show.StandardOutput);
        Assert.Matches(@"(?m)^  due:         \S+ \S+ \(overdue by [45] d \d+ h\)\r?$", show.StandardOutput);
        Assert.Contains("  latest due:  ", show.StandardOutput);
    }

    [Fact]
    public async Task Extend_records_an_extension_within_the_legal_maximum_and_never_repeats_its_text()
    {
        var received = DateTimeOffset.UtcNow.AddDays(-50);
        string Date(int days) => received.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using (var submit = await RunAsync("erasure", "submit", "--request-id", "DL-EXT", "--key", "ext-contact", "--deadline", "ccpa", "--received-at", Date(0), "--no-wait"))
        {
            Assert.True(submit.ExitCode == 0, submit.StandardOutput + submit.StandardError);
        }

        using var extend = await RunAsync("erasure", "extend", "DL-EXT", "--to", Date(80), "--reason", "other", "--text", "Jane Roe wrote twice");
        Assert.True(extend.ExitCode == 0, extend.StandardOutput + extend.StandardError);
        Assert.Contains($"Erasure 'DL-EXT' deadline extended (Other): due {Date(80).Replace('T', ' ')}", extend.StandardOutput);

        using var beyond = await RunAsync("erasure", "extend", "DL-EXT", "--to", Date(91), "--reason", "complexity");
        Assert.Equal(1, beyond.ExitCode);
        Assert.Contains("at most", Assert.Single(beyond.ErrorLines));

        using var noWords = await RunAsync("erasure", "extend", "DL-EXT", "--to", Date(85), "--reason", "other");
        Assert.Equal(1, noWords.ExitCode);
        Assert.Contains("needs the reason in words", Assert.Single(noWords.ErrorLines));

        using var badReason = await RunAsync("erasure", "extend", "DL-EXT", "--to", Date(85), "--reason", "because");
        Assert.Equal(2, badReason.ExitCode);
        Assert.Contains("error: 'because' is not a reason: complexity, number-of-requests, other.", badReason.ErrorLines);

        using var show = await RunAsync("erasure", "show", "DL-EXT");
        Assert.Contains("  extended:    1 time(s), from ", show.StandardOutput);
        foreach (var output in new[] { extend, beyond, noWords, show })
        {
            Assert.DoesNotContain("Jane", output.StandardOutput + output.StandardError);
        }
    }

    [Fact]
    public async Task A_received_at_time_in_the_future_is_refused_in_one_line_and_records_nothing()
    {
        using var submit = await RunAsync("erasure", "submit", "--request-id", "DL-FUTURE", "--key", "future-contact", "--received-at", "2099-01-01", "--no-wait");

        Assert.Equal(1, submit.ExitCode);
        Assert.Contains("is later than now", Assert.Single(submit.ErrorLines));
        using var list = await RunAsync("erasure", "list");
        Assert.Contains("The ledger holds no erasures.", list.StandardOutput);
    }

    [Fact]
    public async Task Submit_with_no_wait_records_the_erasure_without_sending_and_the_same_command_without_it_finishes_it()
    {
        using var submit = await RunAsync("erasure", "submit", "--request-id", "GDPR-LATER", "--key", "later-contact", "--no-wait");

        Assert.True(submit.ExitCode == 0, submit.StandardOutput + submit.StandardError);
        Assert.Contains("Erasure 'GDPR-LATER' is recorded", submit.StandardOutput);
        Assert.DoesNotContain("Sending", submit.StandardOutput);
        // Nothing reached the emulator kept beside the ledger: no delete request.
        Assert.Equal(0, EmulatedDeletions());

        using var follow = await RunAsync("erasure", "submit", "--request-id", "GDPR-LATER", "--key", "later-contact");

        Assert.True(follow.ExitCode == 0, follow.StandardOutput + follow.StandardError);
        Assert.Contains("Erasure 'GDPR-LATER' closed: Deleted.", follow.StandardOutput);
        Assert.Equal(1, EmulatedDeletions());
    }

    [Fact]
    public async Task Three_first_submissions_started_at_once_on_a_new_ledger_all_succeed_with_one_key()
    {
        var submissions = Enumerable.Range(1, 3)
            .Select(i => RunAsync("erasure", "submit", "--request-id", $"GDPR-RACE-{i}", "--key", $"race-contact-{i}", "--no-wait"))
            .ToList();
        var results = await Task.WhenAll(submissions);

        foreach (var result in results)
        {
            using (result)
            {
                Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            }
        }
        // One key, and no half-written key left beside it.
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Ledger)!, Path.GetFileName(Ledger) + ".key*"));
        using var list = await RunAsync("erasure", "list");
        Assert.Equal(0, list.ExitCode);
        foreach (var i in Enumerable.Range(1, 3))
        {
            Assert.Contains($"GDPR-RACE-{i}", list.StandardOutput);
        }
        using var verify = await RunAsync("erasure", "verify");
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task A_receipt_is_refused_until_the_erasure_is_closed()
    {
        using var submit = await RunAsync("erasure", "submit", "--request-id", "GDPR-OPEN", "--key", "open-contact", "--no-wait");
        Assert.Equal(0, submit.ExitCode);

        using var export = await RunAsync("erasure", "export", "GDPR-OPEN");

        Assert.Equal(1, export.ExitCode);
        Assert.StartsWith("error: erasure 'GDPR-OPEN' has no receipt yet", Assert.Single(export.ErrorLines));
    }

    [Fact]
    public async Task The_same_request_id_for_other_subjects_is_refused_in_one_line()
    {
        using var submit = await RunAsync("erasure", "submit", "--request-id", "GDPR-SAME", "--key", "first-contact", "--no-wait");
        Assert.Equal(0, submit.ExitCode);

        using var again = await RunAsync("erasure", "submit", "--request-id", "GDPR-SAME", "--key", "other-contact", "--no-wait");

        Assert.Equal(1, again.ExitCode);
        var error = Assert.Single(again.ErrorLines);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain("other-contact", error);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("verify")]
    [InlineData("show GDPR-1")]
    [InlineData("export GDPR-1")]
    public async Task A_read_command_without_a_ledger_says_so_and_creates_nothing(string arguments)
    {
        using var read = await RunAsync(["erasure", .. arguments.Split(' ')]);

        Assert.Equal(1, read.ExitCode);
        Assert.Equal($"error: there is no erasure ledger at {Ledger} yet; `erasure submit` creates it (or pass --ledger).", Assert.Single(read.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("submit --request-id R1", "Name the subjects with --key or with --email (one kind per erasure).")]
    [InlineData("submit --request-id R1 --key a --email b@example.com", "Name the subjects with --key or with --email (one kind per erasure).")]
    [InlineData("submit --key a", "Option '--request-id' is required.")]
    [InlineData("submit --request-id R1 --key a --deadline fortnight", "'fortnight' is not a deadline: gdpr, ccpa or a number of days such as 30d (1 to 366 days).")]
    [InlineData("submit --request-id R1 --key a --deadline 400d", "'400d' is not a deadline: gdpr, ccpa or a number of days such as 30d (1 to 366 days).")]
    [InlineData("submit --request-id R1 --key a --received-at yesterday", "'yesterday' is not a date or time (for example 2026-11-30 or 2026-11-30T12:00:00Z).")]
    [InlineData("export", "Name the erasure whose receipt to export, or use --csv --from <date> --to <date>.")]
    [InlineData("export --csv --from 2026-01-01", "--csv needs --from and --to.")]
    [InlineData("export --csv --from yesterday --to 2026-01-01", "'yesterday' is not a date or time (for example 2026-11-30 or 2026-11-30T12:00:00Z).")]
    [InlineData("export --csv --from 2026-02-01 --to 2026-01-01", "--to must be after --from.")]
    [InlineData("frobnicate", "Unrecognized command or argument 'frobnicate'.")]
    public async Task A_bad_argument_gets_its_own_message_and_exit_code_2(string arguments, string message)
    {
        using var bad = await RunAsync(["erasure", .. arguments.Split(' ')]);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("error: " + message, bad.ErrorLines);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task An_erasure_option_from_the_environment_that_cannot_work_is_one_line_naming_it_and_nothing_is_recorded()
    {
        using var submit = await SampleProcess.RunAsync(
            SamplePrograms.Sample,
            ["erasure", "submit", "--request-id", "GDPR-BAD-OPTION", "--key", "bad-option-contact", "--ledger", Ledger],
            new Dictionary<string, string> { ["Erasure__MaxContactsPerDeleteRequest"] = "0" });

        Assert.Equal(2, submit.ExitCode);
        var error = Assert.Single(submit.ErrorLines);
        Assert.StartsWith("error: The erasure (Erasure__…) settings are not usable: MaxContactsPerDeleteRequest is 0", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Ledger), "The ledger was created although the options were refused.");
        Assert.Equal(0, EmulatedDeletions());
    }

    [Fact]
    public async Task An_erasure_option_from_the_environment_is_used()
    {
        // A recurring deadline check a week apart, read back from Quartz's job store in the ledger file.
        using var submit = await SampleProcess.RunAsync(
            SamplePrograms.Sample,
            ["erasure", "submit", "--request-id", "GDPR-ENV-OPTION", "--key", "env-option-contact", "--ledger", Ledger],
            new Dictionary<string, string> { ["Erasure__Deadlines__CheckInterval"] = "7.00:00:00" });
        Assert.True(submit.ExitCode == 0, submit.StandardOutput + submit.StandardError);

        await using var connection = new SqliteConnection($"Data Source={Ledger};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT repeat_interval FROM qrtz_simple_triggers WHERE trigger_name = 'deadlines' AND trigger_group = 'contactssdk-erasure-deadlines'";
        Assert.Equal(TimeSpan.FromDays(7).TotalMilliseconds, Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<ChildProcess> RunAsync(params string[] arguments) =>
        SampleProcess.RunAsync(SamplePrograms.Sample, [.. arguments, "--ledger", Ledger], null);

    /// <summary>The request IDs of a listing's erasure lines, in order.</summary>
    private static List<string> RequestIds(string output) =>
        output.Split('\n').Where(line => line.Contains("  due ", StringComparison.Ordinal)).Select(line => line[..line.IndexOf(' ', StringComparison.Ordinal)]).ToList();

    /// <summary>How many deletions the emulator kept beside the ledger received (none when it never wrote its state).</summary>
    private int EmulatedDeletions()
    {
        var path = Ledger + ".emulator.json";
        if (!File.Exists(path))
        {
            return 0;
        }

        using var state = JsonDocument.Parse(File.ReadAllText(path));
        return state.RootElement.GetProperty("Deletions").GetArrayLength();
    }
}
