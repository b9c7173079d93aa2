using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Deletion;
using ContactsSdk.Generated.Models;
using ContactsSdk.Sample.Cli;
using ContactsSdk.Sample.Display;
using Spectre.Console;

namespace ContactsSdk.Sample;

/// <summary>The sample's deletion commands, each a few calls of the SDK.</summary>
internal sealed class SampleCommands(ContactsClient client, IAnsiConsole console)
{
    private static readonly string[] DemoContactKeys = ["sample-contact-001", "sample-contact-002", "sample-contact-003"];

    // The emulator started by the sample restores the deletion of any key containing "restore".
    private static readonly string[] RestoredDemoContactKeys = ["sample-contact-restore-004"];

    private TextWriter Out => console.Profile.Out.Writer;

    /// <summary>
    /// Two deletions followed to their end: one that ends deleted, one the emulated customer restores
    /// during the delete phase. Succeeds only when both end as arranged.
    /// </summary>
    public async Task<int> DemoAsync(CancellationToken cancellationToken)
    {
        Out.WriteLine($"Deleting contacts {string.Join(", ", DemoContactKeys)}…");
        var deleted = await StartAndFollowAsync(DemoContactKeys, cancellationToken);

        Out.WriteLine();
        Out.WriteLine("A second deletion, which the emulated customer restores during the delete phase:");
        var restored = await StartAndFollowAsync(RestoredDemoContactKeys, cancellationToken);

        var asArranged = deleted.State == ContactDeletionState.Deleted && restored.State == ContactDeletionState.Restored;
        Out.WriteLine();
        Out.WriteLine(asArranged
            ? "Both deletions ended as arranged: the first deleted, the second restored."
            : $"The demo did not go as arranged: expected Deleted and Restored, got {deleted.State} and {restored.State}.");
        return asArranged ? ExitCodes.Success : ExitCodes.NotDeleted;
    }

    public async Task<int> DeleteAsync(IReadOnlyList<string> contactKeys, CancellationToken cancellationToken)
    {
        var result = await StartAndFollowAsync(contactKeys, cancellationToken);
        return result.IsDeleted ? ExitCodes.Success : ExitCodes.NotDeleted;
    }

    public async Task<int> StatusAsync(long operationId, CancellationToken cancellationToken)
    {
        var response = await client.GetDeletionStatusAsync(operationId, cancellationToken);
        var lifecycle = response.GetDeletionState();
        Out.WriteLine($"Operation {operationId}");
        Out.WriteLine($"  phase:            {lifecycle.Phase} ({lifecycle.Phase.GetDescription()})");
        Out.WriteLine($"  state:            {lifecycle.State} ({lifecycle.State.GetDescription()})");
        Out.WriteLine($"  fully processed:  {(lifecycle.IsTerminal ? "yes" : "no")}");
        Out.WriteLine($"  operation.status: {response.Operation?.Status ?? "(none)"}");
        foreach (var background in response.BackgroundOperationsSummary ?? [])
        {
            Out.WriteLine($"  background {background.BackgroundOperationID}: {background.BackgroundOperationStatusID} → {background.GetDeletePhaseStatus()}");
        }

        return ExitCodes.Success;
    }

    private async Task<DeletionResult> StartAndFollowAsync(IReadOnlyList<string> contactKeys, CancellationToken cancellationToken)
    {
        var started = await client.StartDeletionByKeysAsync(contactKeys, cancellationToken);
        Out.WriteLine($"Operation {started.OperationId} started for {contactKeys.Count} contact(s); following it through suppression and deletion:");
        var result = await ProgressDisplay.FollowAsync(
            console,
            started.OperationId,
            progress => client.WaitForDeletionAsync(started.OperationId, progress: progress, cancellationToken: cancellationToken));
        var verdict = result.IsDeleted
            ? "the contacts are deleted."
            : $"the contacts are NOT deleted: {result.State.GetDescription()}";
        Out.WriteLine($"Operation {result.OperationId}: {result.State}, {verdict} ({result.RequestsMade} status requests, {result.Elapsed.TotalDays:0.#} days on the clock)");
        return result;
    }
}
