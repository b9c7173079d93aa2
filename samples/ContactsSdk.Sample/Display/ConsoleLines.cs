using Spectre.Console;

namespace ContactsSdk.Sample.Display;

/// <summary>
/// Plain lines of output. On a terminal they go through Spectre.Console, which wraps them at word
/// boundaries to the terminal's width; anywhere else they are written as they are, one line each,
/// so that a log or a pipe gets whole lines whatever its width.
/// </summary>
internal static class ConsoleLines
{
    public static void Line(this IAnsiConsole console, string text = "")
    {
        if (console.Profile.Capabilities.Interactive)
        {
            console.Write(new Text(text + "\n"));
        }
        else
        {
            console.Profile.Out.Writer.WriteLine(text);
        }
    }
}
