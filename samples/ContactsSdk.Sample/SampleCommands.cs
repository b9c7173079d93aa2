using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Deletion;
using ContactsSdk.Generated.Models;

namespace ContactsSdk.Sample;

/// <summary>The sample's commands, each a few calls of the SDK.</summary>
internal static class SampleCommands
{
    private static readonly string[] DemoContactKeys = { "sample-contact-001", "sample-contact-002", "sample-contact-003" };

    /// <summary>Two deletions followed side by side: one that ends deleted, one the customer restores.</summary>
    public static async Task<int> DemoAsync(ContactsClient client, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Deleting contacts {string.Join(", ", DemoContactKeys)}…");
        var started = await client.StartDeletionByKeysAsync(DemoContactKeys, cancellationToken);
        Console.WriteLine($"Operation {started.OperationId} started. Following it through suppression and deletion:");
        var code = await WaitAndReportAsync(client, started.OperationId, cancellationToken);

        Console.WriteLine();
        Console.WriteLine("A second deletion, which the emulator's customer restores during the delete phase:");
        var restored = await client.StartDeletionByKeysAsync(new[] { "sample-contact-restore-004" }, cancellationToken);
        await WaitAndReportAsync(client, restored.OperationId, cancellationToken);
        return code;
    }

    public static async Task<int> DeleteAndWaitAsync(ContactsClient client, IReadOnlyList<string> contactKeys, CancellationToken cancellationToken)
    {
        var started = await client.StartDeletionByKeysAsync(contactKeys, cancellationToken);
        Console.WriteLine($"Operation {started.OperationId} started for {contactKeys.Count} contact(s).");
        return await WaitAndReportAsync(client, started.OperationId, cancellationToken);
    }

    public static async Task<int> ShowStatusAsync(ContactsClient client, long operationId, CancellationToken cancellationToken)
    {
        var response = await client.GetDeletionStatusAsync(operationId, cancellationToken);
        var lifecycle = response.GetDeletionState();
        Console.WriteLine($"Operation {operationId}");
        Console.WriteLine($"  phase:            {lifecycle.Phase} ({lifecycle.Phase.GetDescription()})");
        Console.WriteLine($"  state:            {lifecycle.State} ({lifecycle.State.GetDescription()})");
        Console.WriteLine($"  fully processed:  {(lifecycle.IsTerminal ? "yes" : "no")}");
        Console.WriteLine($"  operation.status: {response.Operation?.Status ?? "(none)"}");
        foreach (var background in response.BackgroundOperationsSummary ?? new List<BackgroundOperationSummary>())
        {
            Console.WriteLine($"  background {background.BackgroundOperationID}: {background.BackgroundOperationStatusID} → {background.GetDeletePhaseStatus()}");
        }
        return 0;
    }

    public static int RefuseDemoOnRealTenant()
    {
        Console.Error.WriteLine("Credentials are configured, so this would delete real contacts. Name them: delete <key> [<key>…]");
        return 2;
    }

    private static async Task<int> WaitAndReportAsync(ContactsClient client, long operationId, CancellationToken cancellationToken)
    {
        var result = await client.WaitForDeletionAsync(operationId, progress: new ProgressDisplay(), cancellationToken: cancellationToken);
        var verdict = result.IsDeleted
            ? "the contacts are deleted."
            : $"the contacts are NOT deleted: {result.State.GetDescription()}";
        Console.WriteLine($"Operation {operationId}: {result.State}, {verdict} ({result.RequestsMade} status requests, {result.Elapsed.TotalDays:0.#} days on the clock)");
        return result.IsDeleted ? 0 : 3;
    }
}
