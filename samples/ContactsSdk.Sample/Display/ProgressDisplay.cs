using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Models;
using Spectre.Console;

namespace ContactsSdk.Sample.Display;

/// <summary>
/// Shows a wait as it happens. On an interactive terminal the view is redrawn in place by
/// Spectre.Console's live display, which measures it against the terminal's width; anywhere else
/// (a pipe, a file, CI) one line is written per change of state, so a log stays readable.
/// </summary>
internal static class ProgressDisplay
{
    public static Task<DeletionResult> FollowAsync(
        IAnsiConsole console, long operationId, Func<IProgress<DeletionProgress>, Task<DeletionResult>> wait)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(wait);
        if (!IsLive(console))
        {
            return wait(new LineProgress(console));
        }

        return console.Live(ProgressView.Waiting(operationId))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(context => wait(new LiveProgress(context)));
    }

    private static bool IsLive(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    /// <summary>Redraws the view after every poll.</summary>
    private sealed class LiveProgress(LiveDisplayContext context) : IProgress<DeletionProgress>
    {
        public void Report(DeletionProgress value)
        {
            context.UpdateTarget(ProgressView.Render(value));
            context.Refresh();
        }
    }

    /// <summary>Writes a line when the state changes, and none for polls that changed nothing.</summary>
    private sealed class LineProgress(IAnsiConsole console) : IProgress<DeletionProgress>
    {
        private readonly Lock _gate = new();
        private ContactDeletionState? _lastState;

        public void Report(DeletionProgress value)
        {
            lock (_gate)
            {
                if (value.State is null || value.State == _lastState)
                {
                    return;
                }

                _lastState = value.State;
                console.Line(ProgressView.Line(value));
            }
        }
    }
}
