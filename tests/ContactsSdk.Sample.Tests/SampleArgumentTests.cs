using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Sample.Tests.Support;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>The built sample given bad arguments: each gets its own one-line message and exit code 2, and nothing starts.</summary>
public sealed class SampleArgumentTests
{
    [Theory]
    [InlineData("status abc", "The operation ID must be a positive whole number; 'abc' is not.")]
    [InlineData("status -1", "The operation ID must be a positive whole number; '-1' is not.")]
    [InlineData("status 0", "The operation ID must be a positive whole number; '0' is not.")]
    [InlineData("status", "Required argument 'operationID' missing for command: 'status'.")]
    [InlineData("delete", "Required argument 'key' missing for command: 'delete'.")]
    [InlineData("frobnicate", "Unrecognized command or argument 'frobnicate'.")]
    [InlineData("status 1 2", "Unrecognized command or argument '2'.")]
    public async Task A_bad_argument_gets_its_own_message_and_exit_code_2(string arguments, string message)
    {
        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, arguments.Split(' '));

        Assert.Equal(2, sample.ExitCode);
        Assert.Equal(["error: " + message, "Run with --help to see the commands and their arguments."], sample.ErrorLines);
        // Nothing ran: no emulator was started and no request was sent.
        Assert.Equal(string.Empty, sample.StandardOutput);
    }

    [Fact]
    public async Task Two_bad_arguments_get_two_messages()
    {
        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, "status", "abc", "--frobnicate");

        Assert.Equal(2, sample.ExitCode);
        Assert.Contains("error: The operation ID must be a positive whole number; 'abc' is not.", sample.ErrorLines);
        Assert.Contains("error: Unrecognized command or argument '--frobnicate'.", sample.ErrorLines);
    }

    [Fact]
    public async Task Help_lists_the_commands_the_settings_and_the_exit_codes()
    {
        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, "--help");

        Assert.Equal(0, sample.ExitCode);
        Assert.Equal(string.Empty, sample.StandardError);
        var help = sample.StandardOutput;
        Assert.Contains("status <operationID>", help);
        Assert.Contains("delete <key>", help);
        Assert.Contains("MarketingCloud__ClientSecret", help);
        Assert.Contains("MarketingCloud__EndpointOverride", help);
        Assert.Contains("Exit codes:", help);
        Assert.Contains("130  stopped by Ctrl+C or SIGTERM", help);
    }

    [Fact]
    public async Task Help_of_a_command_describes_its_argument()
    {
        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, "status", "--help");

        Assert.Equal(0, sample.ExitCode);
        Assert.Contains("The operationID a delete request returned.", sample.StandardOutput);
        Assert.DoesNotContain(sample.StandardOutput.Split('\n'), line => line.Contains("Exception"));
    }

    [Fact]
    public async Task An_empty_contact_key_is_refused_before_anything_is_sent()
    {
        using var sample = await SampleProcess.RunAsync(SamplePrograms.Sample, "delete", "key-1", " ");

        Assert.Equal(2, sample.ExitCode);
        Assert.Equal("error: A contact key must not be empty.", sample.ErrorLines.First());
        Assert.Equal(string.Empty, sample.StandardOutput);
    }
}
