using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ContactsSdk.Sample.Tests.Support;

/// <summary>
/// Reads what a program wrote to a terminal: the runs of visible text between line breaks and
/// cursor movements. A run wider than the terminal is text the terminal had to wrap itself, which
/// is what garbles a display redrawn in place.
/// </summary>
internal static partial class TerminalScreen
{
    public static IReadOnlyList<string> VisibleRuns(string terminalOutput)
    {
        // Operating-system commands (window title…) hold no visible text.
        var withoutOsc = OperatingSystemCommand().Replace(terminalOutput, string.Empty);
        // A control sequence (cursor move, erase, colour) ends a run: treat each as a break.
        var broken = ControlSequence().Replace(withoutOsc, "\n");
        return broken.Split('\r', '\n').Where(run => run.Length > 0).ToArray();
    }

    [GeneratedRegex(@"\x1b\][^\x07\x1b]*(\x07|\x1b\\)")]
    private static partial Regex OperatingSystemCommand();

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[ -/]*[@-~]|[=>78])")]
    private static partial Regex ControlSequence();
}
