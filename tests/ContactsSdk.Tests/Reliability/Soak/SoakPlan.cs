using System;
using System.Globalization;
using System.Linq;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Models;

namespace ContactsSdk.Tests.Reliability.Soak;

/// <summary>
/// Which contacts a soak deletes and how each deletion truly ends. The truth is fixed by the key,
/// so it is known to the test independently of anything the SDK reports.
/// </summary>
internal static class SoakPlan
{
    private const string Prefix = "soak-";

    public static string[] Keys(int count) =>
        Enumerable.Range(0, count).Select(i => Prefix + i.ToString("D5", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Seven in ten deletions complete, two are aborted (contacts restored), one is invalid.</summary>
    public static DeleteOutcome OutcomeOf(string key) =>
        (int.Parse(key.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture) % 10) switch
        {
            7 or 8 => DeleteOutcome.Aborted,
            9 => DeleteOutcome.Invalid,
            _ => DeleteOutcome.Completed,
        };

    /// <summary>What the emulator's outcome must read as once the deletion is fully processed.</summary>
    public static ContactDeletionState ExpectedState(DeleteOutcome outcome) => outcome switch
    {
        DeleteOutcome.Completed => ContactDeletionState.Deleted,
        DeleteOutcome.Aborted => ContactDeletionState.Restored,
        _ => ContactDeletionState.Invalid,
    };
}
