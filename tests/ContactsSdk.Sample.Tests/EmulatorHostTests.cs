using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Sample.Tests.Support;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>The standalone emulator host as a process: it serves on the chosen port and stops cleanly on signals.</summary>
public sealed class EmulatorHostTests
{
    [Theory]
    [InlineData(PosixSignalNumber.SigTerm, "SIGTERM")]
    [InlineData(PosixSignalNumber.SigInt, "SIGINT")]
    public async Task It_serves_on_the_chosen_port_and_a_stop_signal_ends_it_with_exit_code_0(PosixSignalNumber signal, string name)
    {
        var port = LoopbackPort.Unused();
        using var host = SampleProcess.Start(SamplePrograms.EmulatorHost, ["--port", port.ToString(CultureInfo.InvariantCulture)]);
        await host.WaitForOutputAsync("Stop it with Ctrl+C or SIGTERM.");
        var address = LoopbackAddress(port);
        Assert.Contains($"Marketing Cloud emulator listening on {address}", host.StandardOutput);

        // Served over loopback: a token, then a deletion with it.
        var operationId = await LoopbackEmulator.StartDeletionAsync(address, "host-contact-1");
        Assert.True(operationId > 0);

        host.Signal(signal);
        await host.WaitForExitAsync();

        Assert.Equal(0, host.ExitCode);
        Assert.Contains($"Stopping ({name})…", host.StandardOutput);
        Assert.Contains("Stopped. The emulator served 2 request(s).", host.StandardOutput);
        Assert.Equal(string.Empty, host.StandardError);
        await AssertNothingListensAsync(port);
    }

    [Fact]
    public async Task The_sample_runs_against_the_host_with_a_fast_clock()
    {
        var port = LoopbackPort.Unused();
        using var host = SampleProcess.Start(SamplePrograms.EmulatorHost, ["--port", port.ToString(CultureInfo.InvariantCulture), "--clock-factor", "200000"]);
        await host.WaitForOutputAsync("Stop it with Ctrl+C or SIGTERM.");
        Assert.Contains("clock          x200000 (tokens keep real time)", host.StandardOutput);
        var address = LoopbackAddress(port);
        var operationId = await LoopbackEmulator.StartDeletionAsync(address, "host-contact-2");

        // 14 restorable days and the delete phase take about seven seconds at this factor.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        ChildProcess status;
        do
        {
            await Task.Delay(500);
            status = await SampleProcess.RunAsync(
                SamplePrograms.Sample, ["status", operationId.ToString(CultureInfo.InvariantCulture)], LoopbackEmulator.SettingsFor(address));
            Assert.True(status.ExitCode == 0, status.StandardError);
        }
        while (!status.StandardOutput.Contains("fully processed:  yes", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("  state:            Deleted", status.StandardOutput);
        host.Signal(PosixSignalNumber.SigTerm);
        await host.WaitForExitAsync();
        Assert.Equal(0, host.ExitCode);
    }

    [Fact]
    public async Task Its_delete_calls_wait_for_each_other_for_the_processing_time_given()
    {
        var port = LoopbackPort.Unused();
        // At 200,000x, 7 days of processing a call are about 3 s of real time.
        using var host = SampleProcess.Start(
            SamplePrograms.EmulatorHost,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--clock-factor", "200000", "--delete-call-time", "7.00:00:00", "--delete-call-time-per-contact", "0"]);
        await host.WaitForOutputAsync("Stop it with Ctrl+C or SIGTERM.");
        Assert.Contains("delete queue   one call at a time, each 7.00:00:00 + 00:00:00 per contact", host.StandardOutput);
        var address = LoopbackAddress(port);

        var sent = Stopwatch.StartNew();
        await LoopbackEmulator.StartDeletionAsync(address, "queued-first");
        var second = await LoopbackEmulator.StartDeletionAsync(address, "queued-second");
        Assert.Equal("Pending", await LoopbackEmulator.OperationStatusAsync(address, second));
        while (await LoopbackEmulator.OperationStatusAsync(address, second) == "Pending" && sent.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        // Two calls of 14 emulated days in all: about 6 s of real time at the earliest.
        Assert.Equal("Completed", await LoopbackEmulator.OperationStatusAsync(address, second));
        Assert.True(sent.Elapsed >= TimeSpan.FromSeconds(6), $"suppressed after {sent.Elapsed}");
        host.Signal(PosixSignalNumber.SigTerm);
        await host.WaitForExitAsync();
        Assert.Equal(0, host.ExitCode);
    }

    [Fact]
    public async Task Without_the_delete_queue_every_call_is_Pending_for_its_own_minute()
    {
        var port = LoopbackPort.Unused();
        // One emulated minute is 0.3 ms at 200,000x; the long call time would hold the second call for 3 s if it applied.
        using var host = SampleProcess.Start(
            SamplePrograms.EmulatorHost,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--clock-factor", "200000", "--no-delete-queue", "--delete-call-time", "7.00:00:00"]);
        await host.WaitForOutputAsync("Stop it with Ctrl+C or SIGTERM.");
        Assert.Contains("delete queue   off (every call Pending for its own minute, in parallel)", host.StandardOutput);
        var address = LoopbackAddress(port);

        await LoopbackEmulator.StartDeletionAsync(address, "parallel-first");
        var second = await LoopbackEmulator.StartDeletionAsync(address, "parallel-second");
        await Task.Delay(100);

        Assert.Equal("Completed", await LoopbackEmulator.OperationStatusAsync(address, second));
        host.Signal(PosixSignalNumber.SigTerm);
        await host.WaitForExitAsync();
        Assert.Equal(0, host.ExitCode);
    }

    [Theory]
    [InlineData("--port abc", "--port must be a whole number from 0 to 65535; 'abc' is not.")]
    [InlineData("--port 70000", "--port must be a whole number from 0 to 65535; '70000' is not.")]
    [InlineData("--port -5", "--port must be a whole number from 0 to 65535; '-5' is not.")]
    [InlineData("--clock-factor 0", "--clock-factor must be a positive number; '0' is not.")]
    [InlineData("--restorable-days 9999", "--restorable-days must be a whole number from 0 to 3650; '9999' is not.")]
    [InlineData("--delete-phase soon", "--delete-phase must be a duration such as 00:10:00 or 2.00:00:00; 'soon' is not.")]
    [InlineData("--delete-call-time 7.00:00:01", "--delete-call-time must be a duration from 0 to 7.00:00:00, such as 00:30:00; '7.00:00:01' is not.")]
    [InlineData("--delete-call-time -00:01:00", "--delete-call-time must be a duration from 0 to 7.00:00:00, such as 00:30:00; '-00:01:00' is not.")]
    [InlineData("--delete-call-time-per-contact 00:00:02", "--delete-call-time-per-contact must be a duration from 0 to 00:00:01, such as 00:00:00.020; '00:00:02' is not.")]
    [InlineData("--delete-call-time-per-contact fast", "--delete-call-time-per-contact must be a duration from 0 to 00:00:01, such as 00:00:00.020; 'fast' is not.")]
    [InlineData("--prot 5005", "Unrecognized command or argument '--prot'.")]
    public async Task A_bad_option_gets_its_own_message_and_exit_code_2(string arguments, string message)
    {
        using var host = await SampleProcess.RunAsync(SamplePrograms.EmulatorHost, arguments.Split(' '));

        Assert.Equal(2, host.ExitCode);
        Assert.Contains("error: " + message, host.ErrorLines);
        Assert.Equal(string.Empty, host.StandardOutput);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var host = await SampleProcess.RunAsync(SamplePrograms.EmulatorHost, "--port", port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, host.ExitCode);
        var error = Assert.Single(host.ErrorLines);
        Assert.StartsWith($"error: cannot listen on 127.0.0.1:{port}: ", error);
    }

    private static Uri LoopbackAddress(int port) => LoopbackEmulator.LoopbackAddress(port);

    private static async Task AssertNothingListensAsync(int port)
    {
        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
