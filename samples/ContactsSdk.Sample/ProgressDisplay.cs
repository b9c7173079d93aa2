using System;
using ContactsSdk.Deletion;
using ContactsSdk.Generated.Models;

namespace ContactsSdk.Sample;

/// <summary>
/// A one-line live view of a wait: the two phases as a track, the current state, elapsed time on
/// the client's clock and the requests spent. On a terminal the line is redrawn in place; when the
/// output is redirected only changes of state are written.
/// </summary>
internal sealed class ProgressDisplay : IProgress<DeletionProgress>
{
    private readonly bool _redraw = !Console.IsOutputRedirected;
    private readonly object _gate = new();
    private ContactDeletionState? _lastState;
    private int _lastWidth;

    public void Report(DeletionProgress value)
    {
        lock (_gate)
        {
            var line = Render(value);
            if (_redraw)
            {
                Console.Write('\r' + line.PadRight(_lastWidth));
                _lastWidth = line.Length;
                if (value.State is { } state && state.IsTerminal())
                {
                    Console.WriteLine();
                }
            }
            else if (value.State != _lastState)
            {
                Console.WriteLine(line);
            }
            _lastState = value.State;
        }
    }

    private static string Render(DeletionProgress progress)
    {
        var track = progress.Phase switch
        {
            ContactDeletionPhase.Suppression => "[■ suppression] → [□ delete]",
            ContactDeletionPhase.Delete => "[✓ suppression] → [■ delete]",
            _ => "[□ suppression] → [□ delete]",
        };
        var state = progress.State is { } s ? $"{s} ({s.GetDescription()})" : "waiting for first status";
        var failures = progress.ConsecutiveFailures > 0 ? $", retrying after {progress.ConsecutiveFailures} failure(s)" : "";
        return $"  op {progress.OperationId}  {track}  {state}  elapsed {Format(progress.Elapsed)}, {progress.RequestsMade} requests{failures}";
    }

    private static string Format(TimeSpan elapsed) =>
        elapsed.TotalDays >= 1 ? $"{(int)elapsed.TotalDays}d {elapsed:hh\\:mm}" : elapsed.ToString(@"hh\:mm\:ss");
}
