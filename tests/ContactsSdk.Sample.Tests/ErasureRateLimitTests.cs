using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Sample.Tests.Support;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>
/// The sample against a gateway that answers 429 (errorcode 50100): a refusal the SDK could not wait
/// out is one clear line and exit code 1, never "a defect in the sample" (70); an erasure submitted
/// meanwhile is recorded and nothing is sent.
/// </summary>
public sealed class ErasureRateLimitTests : IDisposable
{
    private readonly TempDirectory _temp = new("contactssdk-sample-429-");

    private string Ledger => Path.Combine(_temp.Path, "erasures.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_delete_the_gateway_keeps_refusing_with_429_is_one_line_and_exit_code_1()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();
        emulator.Faults.AddRule(EmulatorRoute.Delete, Fault.TooManyRequests(TimeSpan.FromSeconds(1)), probability: 1);

        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, ["delete", "limited-contact"], LoopbackEmulator.SettingsFor(emulator.BaseAddress));

        Assert.True(sample.ExitCode == 1, $"exit {sample.ExitCode}\n{sample.StandardOutput}\n{sample.StandardError}");
        var error = Assert.Single(sample.ErrorLines);
        Assert.StartsWith("error: Marketing Cloud refused the request with HTTP 429 (errorcode 50100, rate limit exceeded)", error);
        Assert.EndsWith("Nothing was lost: run the same command again later.", error);
        Assert.DoesNotContain("Unexpected", error);
        Assert.Empty(emulator.Operations);
    }

    [Fact]
    public async Task An_erasure_submitted_with_no_wait_while_the_gateway_answers_429_is_recorded_and_nothing_is_sent()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();
        emulator.Faults.AddRule(EmulatorRoute.All, Fault.TooManyRequests(TimeSpan.FromSeconds(45)), probability: 1);

        using var submit = await SampleProcess.RunAsync(
            SamplePrograms.Sample,
            ["erasure", "submit", "--request-id", "GDPR-429", "--key", "limited-contact", "--no-wait", "--ledger", Ledger],
            LoopbackEmulator.SettingsFor(emulator.BaseAddress));

        Assert.True(submit.ExitCode == 0, $"exit {submit.ExitCode}\n{submit.StandardOutput}\n{submit.StandardError}");
        Assert.Contains("Erasure 'GDPR-429' is recorded", submit.StandardOutput);
        Assert.Equal(0, emulator.Statistics.TokenRequests + emulator.Statistics.DeleteRequests + emulator.Statistics.StatusRequests);

        using var list = await SampleProcess.RunAsync(SamplePrograms.Sample, ["erasure", "list", "--ledger", Ledger], LoopbackEmulator.SettingsFor(emulator.BaseAddress));
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(list.StandardOutput.Split('\n'), line => line.StartsWith("GDPR-429  ReadyToSend", StringComparison.Ordinal));
    }
}
