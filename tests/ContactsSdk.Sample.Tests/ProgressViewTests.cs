using System;
using System.Linq;
using ContactsSdk.Models;
using ContactsSdk.Sample.Display;
using Spectre.Console.Testing;
using Xunit;

namespace ContactsSdk.Sample.Tests;

/// <summary>The live view rendered on a test console of a given width.</summary>
public sealed class ProgressViewTests
{
    public static TheoryData<int> Widths => new() { 20, 40, 80, 200 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_state_fits_the_width_and_keeps_its_words(int width)
    {
        foreach (var (phase, state) in Every())
        {
            var console = new TestConsole().Width(width);
            var progress = ContactsModelFactory.DeletionProgress(7, phase, state, null, TimeSpan.FromDays(15.5), 312, 2, TimeSpan.FromHours(1));

            console.Write(ProgressView.Render(progress));

            var lines = console.Lines;
            Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= width, $"{line.TrimEnd().Length} > {width}: {line}"));
            var text = string.Join(' ', lines.Select(line => line.Trim()));
            Assert.Contains("op 7", text);
            Assert.Contains(state.ToString() + ":", text);
            Assert.Contains("15d 12:00", text);
            Assert.Contains("312 status", text);
            Assert.Contains("retrying after 2 failure(s)", text);
        }
    }

    [Fact]
    public void A_wide_terminal_gets_three_rows()
    {
        var console = new TestConsole().Width(200);

        console.Write(ProgressView.Render(ContactsModelFactory.DeletionProgress(7, ContactDeletionPhase.Delete, ContactDeletionState.Deleting, "Processing", TimeSpan.FromDays(14), 300, 0, TimeSpan.FromHours(1))));

        Assert.Equal(3, console.Lines.Count(line => line.Trim().Length > 0));
        Assert.Equal("op 7  suppression ✓ → delete ■", console.Lines[0].Trim());
    }

    [Fact]
    public void The_line_for_a_log_names_the_operation_state_time_and_requests()
    {
        var line = ProgressView.Line(ContactsModelFactory.DeletionProgress(7, ContactDeletionPhase.Delete, ContactDeletionState.Deleting, "Processing", TimeSpan.FromHours(2.5), 12, 0, TimeSpan.Zero));

        Assert.Equal("  op 7: Deleting after 02:30:00 (12 status requests)", line);
    }

    private static (ContactDeletionPhase, ContactDeletionState)[] Every() =>
    [
        (ContactDeletionPhase.Suppression, ContactDeletionState.SuppressionPending),
        (ContactDeletionPhase.Suppression, ContactDeletionState.Suppressed),
        (ContactDeletionPhase.Delete, ContactDeletionState.Deleting),
        (ContactDeletionPhase.Delete, ContactDeletionState.Deleted),
        (ContactDeletionPhase.Delete, ContactDeletionState.Restored),
        (ContactDeletionPhase.Delete, ContactDeletionState.Invalid),
    ];
}
