using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Sample.Tests.Support;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>
/// The compliance operator's commands run as processes against a ledger in a temporary directory,
/// with the emulator the sample keeps beside it: a whole erasure, a real SIGKILL in the middle of one,
/// and bad input.
/// </summary>
public sealed class ErasureCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("contactssdk-sample-erasure-").FullName;

    private string Ledger => Path.Combine(_directory, "erasures.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

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

        var receiptPath = Path.Combine(_directory, "receipt.json");
        using var export = await RunAsync("erasure", "export", "GDPR-100", "--out", receiptPath);
        Assert.Equal(0, export.ExitCode);
        var receipt = await File.ReadAllTextAsync(receiptPath);
        using (var json = JsonDocument.Parse(receipt))
        {
            Assert.Equal("GDPR-100", json.RootElement.GetProperty("requestId").GetString());
            Assert.Equal("Deleted", json.RootElement.GetProperty("verdict").GetString());
        }

        Assert.DoesNotContain("erasure-contact-a", receipt);

        using var csv = await RunAsync("erasure", "export", "--csv", "--from", "2000-01-01", "--to", "2100-01-01");
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains(csv.StandardOutput.Split('\n'), line => line.StartsWith("GDPR-100,", StringComparison.Ordinal));
        Assert.DoesNotContain("erasure-contact-a", csv.StandardOutput);

        using var verify = await RunAsync("erasure", "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("The ledger is intact: 1 erasure(s)", verify.StandardOutput);
    }

    [Theory]
    [InlineData("is recorded")]
    [InlineData(": Sending")]
    [InlineData(": Accepted")]
    public async Task Killed_with_SIGKILL_and_run_again_the_same_command_continues_the_same_erasure(string killAfter)
    {
        string[] command = ["erasure", "submit", "--request-id", "GDPR-KILL", "--key", "killed-contact-1", "--ledger", Ledger];
        using (var first = ChildProcess.Start(SamplePrograms.Sample, command))
        {
            await first.WaitForOutputAsync(killAfter);
            first.Signal(PosixSignalNumber.SigKill);
            await first.WaitForExitAsync();
            Assert.Equal(137, first.ExitCode);
        }

        using var again = await ChildProcess.RunAsync(SamplePrograms.Sample, command, null);

        Assert.True(again.ExitCode == 0, again.StandardOutput + again.StandardError);
        Assert.Contains("Erasure 'GDPR-KILL' closed: Deleted.", again.StandardOutput);
        // One deletion in the emulator, whatever the moment of the kill: nothing was sent twice.
        Assert.Equal(1, EmulatedDeletions());
        using var verify = await RunAsync("erasure", "verify");
        Assert.Equal(0, verify.ExitCode);
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
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Theory]
    [InlineData("submit --request-id R1", "Name the subjects with --key or with --email (one kind per erasure).")]
    [InlineData("submit --request-id R1 --key a --email b@example.com", "Name the subjects with --key or with --email (one kind per erasure).")]
    [InlineData("submit --key a", "Option '--request-id' is required.")]
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
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    private Task<ChildProcess> RunAsync(params string[] arguments) =>
        ChildProcess.RunAsync(SamplePrograms.Sample, [.. arguments, "--ledger", Ledger], null);

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
