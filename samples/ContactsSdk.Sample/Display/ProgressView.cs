using System;
using System.Globalization;
using ContactsSdk.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ContactsSdk.Sample.Display;

/// <summary>
/// What a wait looks like: the two phases as a track, the current state and its meaning, the time
/// on the client's clock and the requests spent. Three short rows of wrapping text, so it fits a
/// terminal of any width instead of one long line that the terminal wraps behind the display's back.
/// </summary>
internal static class ProgressView
{
    public static IRenderable Waiting(long operationId) =>
        Render(ContactsModelFactory.DeletionProgress(operationId, null, null, null, TimeSpan.Zero, 0, 0, TimeSpan.Zero));

    public static IRenderable Render(DeletionProgress progress) => new Rows(
        new Markup($"[bold]op {progress.OperationId}[/]  {Track(progress.Phase, progress.State)}"),
        new Text(StateLine(progress.State)),
        new Text(Counters(progress), new Style(Color.Grey)));

    /// <summary>One plain line per change of state, for output that is not a terminal.</summary>
    public static string Line(DeletionProgress progress) =>
        $"  op {progress.OperationId}: {progress.State?.ToString() ?? "waiting"} after {Format(progress.Elapsed)} ({progress.RequestsMade} status requests)";

    private static string Track(ContactDeletionPhase? phase, ContactDeletionState? state) => (phase, state) switch
    {
        (_, ContactDeletionState.Deleted) => "[green]suppression ✓[/] → [green]delete ✓[/]",
        (_, ContactDeletionState.Restored or ContactDeletionState.Invalid) => "[green]suppression ✓[/] → [yellow]delete ✗[/]",
        (ContactDeletionPhase.Delete, _) => "[green]suppression ✓[/] → [blue]delete ■[/]",
        (ContactDeletionPhase.Suppression, _) => "[blue]suppression ■[/] → [grey]delete □[/]",
        _ => "[grey]suppression □ → delete □[/]",
    };

    private static string StateLine(ContactDeletionState? state) =>
        state is { } known ? $"{known}: {known.GetDescription()}" : "Waiting for the first status…";

    private static string Counters(DeletionProgress progress)
    {
        var failures = progress.ConsecutiveFailures > 0 ? $", retrying after {progress.ConsecutiveFailures} failure(s)" : "";
        return $"elapsed {Format(progress.Elapsed)}, {progress.RequestsMade} status requests{failures}";
    }

    private static string Format(TimeSpan elapsed) =>
        elapsed.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalDays}d {elapsed:hh\\:mm}")
            : elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
