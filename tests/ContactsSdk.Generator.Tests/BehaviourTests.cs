using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Generator.Tests.Infrastructure;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// The generated code, as compiled into the SDK, on the route document's three examples (read from
/// the spec, where they are embedded verbatim) and on values the documents never showed.
/// </summary>
public sealed class BehaviourTests
{
    [Fact]
    public async Task Example_1_suppression_completed_is_suppressed_and_restorable_not_fully_processed()
    {
        var response = await ReadExample("suppressionPhaseCompleted");

        var state = response.GetDeletionState();

        Assert.Equal(ContactDeletionPhase.Suppression, state.Phase);
        Assert.Equal(ContactDeletionState.Suppressed, state.State);
        Assert.False(state.IsTerminal);
        Assert.False(state.IsFullyProcessed);
        Assert.Equal(StatusOutcome.InProgress, state.Outcome);
        Assert.Equal(SuppressionStatus.Completed, response.Operation.GetSuppressionStatus());
        // The suppression phase is over; only the lifecycle above says whether the contacts are deleted.
        Assert.True(response.Operation.GetSuppressionStatus().IsPhaseOver());
    }

    [Fact]
    public async Task Example_2_suppression_pending_is_suppression_pending()
    {
        var response = await ReadExample("suppressionPhasePending");

        var state = response.GetDeletionState();

        Assert.Equal(new ContactDeletionStatus(ContactDeletionPhase.Suppression, ContactDeletionState.SuppressionPending), state);
        Assert.False(state.IsTerminal);
        Assert.False(state.IsFullyProcessed);
        Assert.Equal(SuppressionStatus.Pending, response.Operation.GetSuppressionStatus());
    }

    [Fact]
    public async Task Example_3_delete_phase_processing_is_deleting()
    {
        var response = await ReadExample("deletePhaseProcessing");

        var state = response.GetDeletionState();

        Assert.Equal(ContactDeletionPhase.Delete, state.Phase);
        Assert.Equal(ContactDeletionState.Deleting, state.State);
        Assert.False(state.IsFullyProcessed);
        var summary = Assert.Single(response.BackgroundOperationsSummary!);
        Assert.Equal(DeletePhaseStatus.Processing, summary.GetDeletePhaseStatus());
        Assert.True(DeletePhaseStatusExtensions.TryFromWireValue(summary.BackgroundOperationStatusID, out _));
        // operation.status Completed alone does not mean deleted.
        Assert.Equal(SuppressionStatus.Completed, response.Operation.GetSuppressionStatus());
    }

    // Several background operations: the state and the wire value come from the same entry, the
    // first still in progress, else the one with the worst outcome (the first of equals).
    [Theory]
    [InlineData(new[] { "Completed", "Processing", "Completed" }, ContactDeletionState.Deleting, "Processing")]
    [InlineData(new[] { "Processing", "Completed" }, ContactDeletionState.Deleting, "Processing")]
    [InlineData(new[] { "Completed", "Queued", "Processing" }, ContactDeletionState.Deleting, "Queued")]
    [InlineData(new[] { "Completed", "completed" }, ContactDeletionState.Deleted, "Completed")]
    [InlineData(new[] { "Completed", "Aborted", "Invalid", "Aborted" }, ContactDeletionState.Invalid, "Invalid")]
    [InlineData(new[] { "Aborted", "Completed" }, ContactDeletionState.Restored, "Aborted")]
    public void A_summary_of_several_entries_gives_the_state_and_the_wire_value_of_the_deciding_entry(string[] statuses, ContactDeletionState expected, string wireValue)
    {
        var response = new DeleteStatusResponse
        {
            Operation = new DeleteOperation { Status = "Completed" },
            BackgroundOperationsSummary = statuses.Select(s => new BackgroundOperationSummary { BackgroundOperationStatusID = s }).ToList(),
        };

        var state = response.GetDeletionState();

        Assert.Equal(ContactDeletionPhase.Delete, state.Phase);
        Assert.Equal(expected, state.State);
        Assert.Equal(wireValue, state.WireValue);
    }

    [Fact]
    public void The_suppression_phase_gives_operation_status_as_the_wire_value_and_a_missing_one_as_null()
    {
        Assert.Equal("Pending", new DeleteStatusResponse { Operation = new DeleteOperation { Status = "Pending" } }.GetDeletionState().WireValue);
        Assert.Null(new DeleteStatusResponse().GetDeletionState().WireValue);
        Assert.Null(((DeleteStatusResponse?)null).GetDeletionState().WireValue);
    }

    [Theory]
    [InlineData("Completed", ContactDeletionState.Deleted, true, true, StatusOutcome.Succeeded)]
    [InlineData("Aborted", ContactDeletionState.Restored, true, false, StatusOutcome.Cancelled)]
    [InlineData("Invalid", ContactDeletionState.Invalid, true, false, StatusOutcome.Failed)]
    [InlineData("Processing", ContactDeletionState.Deleting, false, false, StatusOutcome.InProgress)]
    [InlineData("completed", ContactDeletionState.Deleted, true, true, StatusOutcome.Succeeded)]
    [InlineData("ABORTED", ContactDeletionState.Restored, true, false, StatusOutcome.Cancelled)]
    [InlineData("Queued", ContactDeletionState.Deleting, false, false, StatusOutcome.InProgress)]
    [InlineData("", ContactDeletionState.Deleting, false, false, StatusOutcome.InProgress)]
    [InlineData(" Completed", ContactDeletionState.Deleting, false, false, StatusOutcome.InProgress)]
    [InlineData(null, ContactDeletionState.Deleting, false, false, StatusOutcome.InProgress)]
    public async Task Delete_phase_values_including_unknown_ones(string? wire, ContactDeletionState expected, bool terminal, bool fullyProcessed, StatusOutcome outcome)
    {
        var response = await ReadExample("deletePhaseProcessing");
        response.BackgroundOperationsSummary![0].BackgroundOperationStatusID = wire;

        var state = response.GetDeletionState();

        Assert.Equal(ContactDeletionPhase.Delete, state.Phase);
        Assert.Equal(expected, state.State);
        Assert.Equal(terminal, state.IsTerminal);
        Assert.Equal(fullyProcessed, state.IsFullyProcessed);
        Assert.Equal(outcome, state.Outcome);
        // The raw value is never lost.
        Assert.Equal(wire, response.BackgroundOperationsSummary[0].BackgroundOperationStatusID);
    }

    [Theory]
    [InlineData("Pending", ContactDeletionState.SuppressionPending)]
    [InlineData("Completed", ContactDeletionState.Suppressed)]
    [InlineData("pending", ContactDeletionState.SuppressionPending)]
    [InlineData("Suppressing", ContactDeletionState.SuppressionPending)]
    [InlineData("Failed", ContactDeletionState.SuppressionPending)]
    [InlineData(null, ContactDeletionState.SuppressionPending)]
    public async Task Suppression_values_including_unknown_ones_are_never_terminal_unless_listed(string? wire, ContactDeletionState expected)
    {
        var response = await ReadExample("suppressionPhasePending");
        response.Operation!.Status = wire;

        var state = response.GetDeletionState();

        Assert.Equal(ContactDeletionPhase.Suppression, state.Phase);
        Assert.Equal(expected, state.State);
        Assert.False(state.IsTerminal);
        Assert.Equal(wire, response.Operation.Status);
    }

    [Theory]
    [InlineData(ContactDeletionState.Deleting, "Completed", "Processing")]
    [InlineData(ContactDeletionState.Deleting, "Processing", "Completed")]
    [InlineData(ContactDeletionState.Deleting, "Completed", "SomethingNew")]
    [InlineData(ContactDeletionState.Deleting, "Completed", null)]
    [InlineData(ContactDeletionState.Deleted, "Completed", "completed")]
    [InlineData(ContactDeletionState.Restored, "Completed", "Aborted")]
    [InlineData(ContactDeletionState.Invalid, "Aborted", "Invalid")]
    [InlineData(ContactDeletionState.Invalid, "Invalid", "Completed")]
    public void Several_background_operations_are_deleted_only_when_all_are_completed(ContactDeletionState expected, string? first, string? second)
    {
        var response = new DeleteStatusResponse
        {
            Operation = new DeleteOperation { Status = "Completed" },
            BackgroundOperationsSummary = new List<BackgroundOperationSummary>
            {
                new() { BackgroundOperationStatusID = first },
                new() { BackgroundOperationStatusID = second },
            },
        };

        Assert.Equal(expected, response.GetDeletionState().State);
    }

    [Fact]
    public void Missing_parts_read_as_the_fallbacks()
    {
        DeleteStatusResponse? nothing = null;
        BackgroundOperationSummary? noSummary = null;
        DeleteOperation? noOperation = null;

        Assert.Equal(new ContactDeletionStatus(ContactDeletionPhase.Suppression, ContactDeletionState.SuppressionPending), nothing.GetDeletionState());
        Assert.Equal(ContactDeletionState.SuppressionPending, new DeleteStatusResponse().GetDeletionState().State);
        Assert.Equal(ContactDeletionState.SuppressionPending, new DeleteStatusResponse { BackgroundOperationsSummary = new() }.GetDeletionState().State);
        Assert.Equal(ContactDeletionState.Deleting, new DeleteStatusResponse { BackgroundOperationsSummary = new() { null! } }.GetDeletionState().State);
        Assert.Equal(DeletePhaseStatus.Processing, noSummary.GetDeletePhaseStatus());
        Assert.Equal(SuppressionStatus.Pending, noOperation.GetSuppressionStatus());
        Assert.Equal(DeletePhaseStatus.Processing, default(DeletePhaseStatus));
        Assert.Equal(SuppressionStatus.Pending, default(SuppressionStatus));
        Assert.False(DeletePhaseStatusExtensions.TryFromWireValue("Unheard", out var unheard));
        Assert.Equal(DeletePhaseStatus.Processing, unheard);
        Assert.False(SuppressionStatusExtensions.TryFromWireValue(null, out var missing));
        Assert.Equal(SuppressionStatus.Pending, missing);
    }

    [Fact]
    public void Lookups_follow_the_spec()
    {
        Assert.Equal("Completed", DeletePhaseStatus.Completed.GetWireValue());
        Assert.Equal("Processing", ((DeletePhaseStatus)42).GetWireValue());
        Assert.False(((DeletePhaseStatus)42).IsPhaseOver());
        Assert.Equal(StatusOutcome.Cancelled, DeletePhaseStatus.Aborted.GetOutcome());
        Assert.Contains("restored", DeletePhaseStatus.Aborted.GetDescription(), StringComparison.Ordinal);
        Assert.True(ContactDeletionState.Deleted.IsTerminal());
        Assert.Equal(StatusOutcome.Failed, ContactDeletionState.Invalid.GetOutcome());
        Assert.False(string.IsNullOrEmpty(ContactDeletionPhase.Delete.GetDescription()));
        Assert.Equal("Delete/Deleted", new ContactDeletionStatus(ContactDeletionPhase.Delete, ContactDeletionState.Deleted).ToString());
    }

    [Fact]
    public async Task Interpretation_does_not_allocate()
    {
        var response = await ReadExample("deletePhaseProcessing");
        var suppression = await ReadExample("suppressionPhaseCompleted");
        response.GetDeletionState();
        suppression.GetDeletionState();
        DeletePhaseStatusExtensions.FromWireValue("unknown value");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        for (var i = 0; i < 1000; i++)
        {
            count += (int)response.GetDeletionState().State;
            count += (int)suppression.GetDeletionState().State;
            count += (int)DeletePhaseStatusExtensions.FromWireValue("aborted");
            count += (int)DeletePhaseStatusExtensions.FromWireValue("unknown value");
            count += response.GetDeletionState().IsFullyProcessed ? 1 : 0;
            count += DeletePhaseStatus.Invalid.GetDescription().Length;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(count > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Every_annotated_status_field_has_its_generated_accessor()
    {
        var parsed = ContactsSdkGenerator.Parser.Parse(new Model.SpecText(TestPaths.SpecPath, TestPaths.ReadSpec()), default);
        var assembly = typeof(DeleteStatusResponse).Assembly;
        const string ns = "ContactsSdk.Models.";

        Assert.DoesNotContain(parsed.Diagnostics, d => d.Id != DiagnosticDescriptors.OpenApiReaderProblem.Id);
        Assert.NotEmpty(parsed.Model.StatusFields);
        foreach (var field in parsed.Model.StatusFields)
        {
            var extensions = assembly.GetType(ns + field.ExtensionsClassName);
            Assert.NotNull(extensions);
            var accessor = extensions!.GetMethod(field.AccessorName, BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(accessor);
            Assert.Equal(assembly.GetType(ns + field.OwnerClassName), accessor!.GetParameters().Single().ParameterType);
            Assert.Equal(assembly.GetType(ns + field.EnumName), accessor.ReturnType);
        }

        foreach (var lifecycle in parsed.Model.Lifecycles)
        {
            var accessor = assembly.GetType(ns + lifecycle.ExtensionsClassName)?.GetMethod(lifecycle.AccessorName, BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(accessor);
            Assert.Equal(assembly.GetType(ns + lifecycle.ResultName), accessor!.ReturnType);
        }
    }

    private static async Task<DeleteStatusResponse> ReadExample(string name)
    {
        var json = SpecExamples.Read(name);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(DeleteStatusResponse.CreateFromDiscriminatorValue)!;
    }
}
