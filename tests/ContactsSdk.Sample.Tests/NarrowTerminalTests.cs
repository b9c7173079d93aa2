using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Sample.Tests.Support;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>
/// The demo in a real pseudo-terminal 40 columns wide (util-linux <c>script</c>): the live display is
/// redrawn in place and never writes a line wider than the terminal.
/// </summary>
public sealed class NarrowTerminalTests
{
    private const int Columns = 40;

    [Fact]
    public async Task The_demo_fits_a_40_column_terminal()
    {
        // stty sets the pseudo-terminal's size, which the sample reads as its width.
        var command = $"stty cols {Columns} rows 30; exec {Quote(ChildProcess.DotnetHost())} {Quote(SampleProcess.ProgramPath(SamplePrograms.Sample))}";
        using var terminal = SampleProcess.StartExecutable(
            "script", ["--quiet", "--return", "--command", command, "/dev/null"], new Dictionary<string, string> { ["TERM"] = "xterm-256color" });
        await terminal.WaitForExitAsync();

        var output = terminal.StandardOutput;
        Assert.True(terminal.ExitCode == 0, output + terminal.StandardError);
        Assert.Contains('\u001b', output);
        var runs = TerminalScreen.VisibleRuns(output);
        // The live view was drawn (the delete phase in progress, its track in colour), and every run fits.
        Assert.Contains(runs, run => run.Trim() == "delete ■");
        Assert.Contains(runs, run => run.StartsWith("Deleting: ", StringComparison.Ordinal));
        var tooWide = runs.Where(run => run.TrimEnd().Length > Columns).ToArray();
        Assert.True(tooWide.Length == 0, "Wider than the terminal:\n" + string.Join('\n', tooWide));
        Assert.Contains(runs, run => run.Contains("Both deletions ended as", StringComparison.Ordinal));
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
