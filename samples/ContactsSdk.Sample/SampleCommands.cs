using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Models;
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

    /// <summary>
    /// Two deletions followed to their end: one that ends deleted, one the emulated customer restores
    /// during the delete phase. Succeeds only when both end as arranged.
    /// </summary>
    public async Task<int> DemoAsync(CancellationToken cancellationToken)
    {
        console.Line($"Deleting contacts {string.Join(", ", DemoContactKeys)}…");
        var deleted = await StartAndFollowAsync(DemoContactKeys, cancellationToken);

        console.Line();
        console.Line("A second deletion, which the emulated customer restores during the delete phase:");
        var restored = await StartAndFollowAsync(RestoredDemoContactKeys, cancellationToken);

        var asArranged = deleted.State == ContactDeletionState.Deleted && restored.State == ContactDeletionState.Restored;
        console.Line();
        console.Line(asArranged
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
        console.Line($"Operation {operationId}");
        console.Line($"  phase:            {lifecycle.Phase} ({lifecycle.Phase.GetDescription()})");
        console.Line($"  state:            {lifecycle.State} ({lifecycle.State.GetDescription()})");
        console.Line($"  fully processed:  {(lifecycle.IsTerminal ? "yes" : "no")}");
        console.Line($"  operation.status: {response.Operation?.Status ?? "(none)"}");
        foreach (var background in response.BackgroundOperationsSummary ?? [])
        {
            console.Line($"  background {background.BackgroundOperationID}: {background.BackgroundOperationStatusID} → {background.GetDeletePhaseStatus()}");
        }

        return ExitCodes.Success;
    }

    private async Task<DeletionResult> StartAndFollowAsync(IReadOnlyList<string> contactKeys, CancellationToken cancellationToken)
    {
        var started = await client.StartDeletionByKeysAsync(contactKeys, cancellationToken);
        console.Line($"Operation {started.OperationId} started for {contactKeys.Count} contact(s); following it through suppression and deletion:");
        var result = await ProgressDisplay.FollowAsync(
            console,
            started.OperationId,
            progress => client.WaitForDeletionAsync(started.OperationId, progress: progress, cancellationToken: cancellationToken));
        var verdict = result.IsDeleted
            ? "the contacts are deleted."
            : $"the contacts are NOT deleted: {result.State.GetDescription()}";
        console.Line($"Operation {result.OperationId}: {result.State}, {verdict} ({result.RequestsMade} status requests, {result.Elapsed.TotalDays:0.#} days on the clock)");
        return result;
    }
}
