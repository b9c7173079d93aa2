using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Sample.Tests.Support;
using ContactsSdk.Testing;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>The built sample run as a process without a terminal: what it writes and the exit codes it returns.</summary>
public sealed class SampleRunTests
{
    private const string TestSecret = "sample-test-client-secret-7f3a";

    [Fact]
    public async Task The_demo_shows_both_phases_of_each_deletion_and_succeeds_when_both_end_as_arranged()
    {
        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample);

        Assert.True(sample.ExitCode == 0, sample.StandardOutput + sample.StandardError);
        Assert.Equal(string.Empty, sample.StandardError);
        var lines = sample.StandardOutput.Split('\n');
        // Without a terminal, one line per change of state: the delete phase is seen in progress. Each
        // call's processing in the emulator's delete queue lasts about 9 ms of real time: whether a read
        // lands in it (SuppressionPending) depends on the machine, so it may or may not be listed.
        Assert.Equal(["Suppressed", "Deleting", "Deleted"], StatesOf(lines, "op 1:").SkipWhile(state => state == "SuppressionPending"));
        Assert.Equal(["Suppressed", "Deleting", "Restored"], StatesOf(lines, "op 2:").SkipWhile(state => state == "SuppressionPending"));
        Assert.Contains("Operation 1: Deleted, the contacts are deleted.", sample.StandardOutput);
        Assert.Contains("Operation 2: Restored, the contacts are NOT deleted", sample.StandardOutput);
        Assert.Contains("Both deletions ended as arranged: the first deleted, the second restored.", lines);
        // No cursor movement or colour codes in a log.
        Assert.DoesNotContain('\u001b', sample.StandardOutput);
    }

    [Fact]
    public async Task Status_on_a_fresh_emulator_says_there_is_nothing_to_read()
    {
        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, "status", "3");

        Assert.Equal(1, sample.ExitCode);
        var error = Assert.Single(sample.ErrorLines);
        Assert.StartsWith("error: the emulator this command started is fresh and holds no operations, so there is no operation 3 to read.", error);
    }

    [Fact]
    public async Task Status_reads_and_interprets_an_operation_of_a_running_emulator()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();
        var operationId = await LoopbackEmulator.StartDeletionAsync(emulator.BaseAddress, "status-contact-1");

        using var sample = await SampleProcess.RunAsync(
            SamplePrograms.Sample, ["status", operationId.ToString(System.Globalization.CultureInfo.InvariantCulture)], LoopbackEmulator.SettingsFor(emulator.BaseAddress));

        Assert.True(sample.ExitCode == 0, sample.StandardError);
        Assert.Contains($"talking to the endpoint {emulator.BaseAddress}", sample.StandardOutput);
        Assert.Contains($"Operation {operationId}", sample.StandardOutput);
        Assert.Contains("  state:            SuppressionPending", sample.StandardOutput);
        Assert.Contains("  fully processed:  no", sample.StandardOutput);
        Assert.Contains("  operation.status: Pending", sample.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_operation_is_one_line_from_the_service_and_exit_code_1()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();

        using var sample = await SampleProcess.RunAsync(
            SamplePrograms.Sample, ["status", "424242"], LoopbackEmulator.SettingsFor(emulator.BaseAddress, TestSecret));

        Assert.Equal(1, sample.ExitCode);
        var error = Assert.Single(sample.ErrorLines);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain(TestSecret, sample.StandardOutput + sample.StandardError);
    }

    [Fact]
    public async Task Wrong_credentials_are_one_line_without_the_secret()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();

        using var sample = await SampleProcess.RunAsync(
            SamplePrograms.Sample, ["status", "1"], LoopbackEmulator.SettingsFor(emulator.BaseAddress, TestSecret));

        Assert.Equal(1, sample.ExitCode);
        var error = Assert.Single(sample.ErrorLines);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain(TestSecret, sample.StandardOutput + sample.StandardError);
        Assert.DoesNotContain("   at ", sample.StandardOutput + sample.StandardError);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_line_and_exit_code_1()
    {
        var nobody = LoopbackEmulator.LoopbackAddress(LoopbackPort.Unused());

        using var sample = await SampleProcess.RunAsync(
            SamplePrograms.Sample, ["delete", "contact-1"], LoopbackEmulator.SettingsFor(nobody, TestSecret));

        Assert.Equal(1, sample.ExitCode);
        var error = Assert.Single(sample.ErrorLines);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain(TestSecret, sample.StandardOutput + sample.StandardError);
        Assert.DoesNotContain("   at ", sample.StandardOutput + sample.StandardError);
    }

    [Fact]
    public async Task Unusable_delete_queue_settings_of_the_sample_emulator_are_one_line_naming_them_and_exit_code_2()
    {
        using var sample = await SampleProcess.RunAsync(
            SamplePrograms.Sample,
            [],
            new Dictionary<string, string> { ["Emulator__DeleteCallFixedTime"] = "8.00:00:00", ["Emulator__DeleteQueue"] = "sometimes" });

        Assert.Equal(2, sample.ExitCode);
        var error = Assert.Single(sample.ErrorLines);
        Assert.Contains("Emulator__DeleteQueue must be true or false; 'sometimes' is not.", error);
        Assert.Contains("Emulator__DeleteCallFixedTime must be a duration from 0 to 7.00:00:00; '8.00:00:00' is not.", error);
        Assert.Equal(string.Empty, sample.StandardOutput);
    }

    [Fact]
    public async Task The_demo_ends_as_arranged_with_the_sample_emulator_queue_off_or_slow()
    {
        // Off: both deletions in parallel. Slow: the second call waits 7 emulated days (3 s) for the first.
        foreach (var settings in new[]
        {
            new Dictionary<string, string> { ["Emulator__DeleteQueue"] = "false" },
            new Dictionary<string, string> { ["Emulator__DeleteCallFixedTime"] = "7.00:00:00", ["Emulator__DeleteCallTimePerContact"] = "00:00:01" },
        })
        {
            using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, [], settings);

            Assert.True(sample.ExitCode == 0, sample.StandardOutput + sample.StandardError);
            Assert.Contains("Both deletions ended as arranged: the first deleted, the second restored.", sample.StandardOutput.Split('\n'));
        }
    }

    [Fact]
    public async Task Half_filled_settings_are_one_line_naming_the_problems_and_exit_code_2()
    {
        using var sample = await SampleProcess.RunAsync(
            SamplePrograms.Sample, ["status", "1"], new Dictionary<string, string> { ["MarketingCloud__ClientId"] = "only-an-id" });

        Assert.Equal(2, sample.ExitCode);
        var error = Assert.Single(sample.ErrorLines);
        Assert.StartsWith("error: The Marketing Cloud settings are not usable: ", error);
    }

    [Fact]
    public async Task The_demo_refuses_to_run_against_a_configured_tenant()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();

        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, [], LoopbackEmulator.SettingsFor(emulator.BaseAddress));

        Assert.Equal(2, sample.ExitCode);
        Assert.StartsWith("error: credentials are configured, so the demo would delete real contacts.", Assert.Single(sample.ErrorLines));
        Assert.Equal(0, emulator.Statistics.Snapshot().DeleteRequests);
    }

    [Fact]
    public async Task Ctrl_C_during_a_wait_stops_with_one_line_and_exit_code_130()
    {
        using var sample = SampleProcess.Start(SamplePrograms.Sample, []);
        await sample.WaitForOutputAsync("Operation 1 started");

        sample.Signal(PosixSignalNumber.SigInt);
        await sample.WaitForExitAsync();

        Assert.Equal(130, sample.ExitCode);
        Assert.Equal(["Cancelled."], sample.ErrorLines);
    }

    [Fact]
    public async Task SIGTERM_during_a_wait_stops_with_one_line_and_exit_code_130()
    {
        using var sample = SampleProcess.Start(SamplePrograms.Sample, []);
        await sample.WaitForOutputAsync("Operation 1 started");

        sample.Signal(PosixSignalNumber.SigTerm);
        await sample.WaitForExitAsync();

        Assert.Equal(130, sample.ExitCode);
        Assert.Equal(["Cancelled."], sample.ErrorLines);
    }

    /// <summary>The states written for one operation, in order.</summary>
    private static string[] StatesOf(IEnumerable<string> lines, string prefix) =>
        lines.Select(line => line.Trim())
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[prefix.Length..].Trim().Split(' ')[0])
            .ToArray();
}
