using System;
using System.Linq;
using ContactsSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// The lifecycle accessor reads each deciding property once into a local, takes a phase without a
/// test when an earlier phase tested the opposite condition, and hands an array phase the array it
/// already read. These specs exercise what that could get wrong: locals named after properties that
/// clash with the parameter (<c>model</c>) or a keyword (<c>event</c>), a phase after the opposite
/// one that must not be emitted (it would be unreachable code), and the "none applies" path.
/// </summary>
public sealed class LifecycleAccessorTests
{
    private const string Models = """
        namespace ContactsSdk.Models
        {
            public class Ticket { public Holder? Model { get; set; } public System.Collections.Generic.List<Step>? Event { get; set; } }
            public class Holder { public string? State { get; set; } }
            public class Step { public string? Code { get; set; } }
        }
        """;

    // Open when model is present; Work when event has elements; Idle when model is absent, which is
    // the opposite of Open: always taken when reached. Never comes after Open and Idle and is unreachable.
    private const string CoveringPhases = """
                  - name: Open
                    when: {present: model}
                    status: model.state
                    states: {Waiting: Opened, Ready: Finished}
                  - name: Work
                    when: {present: event}
                    status: event.code
                    states: {Busy: Working, Done: Finished}
                  - name: Idle
                    when: {absent: model}
                    status: model.state
                    states: {Waiting: Idle, Ready: Idle}
                  - name: Never
                    when: {absent: event}
                    status: model.state
                    states: {Waiting: Idle, Ready: Idle}
        """;

    // Work when event is absent, Open when model is present: a response with elements and no model
    // matches neither, and reads as the first phase.
    private const string OpenEndedPhases = """
                  - name: Work
                    when: {absent: event}
                    status: event.code
                    states: {Busy: Working, Done: Finished}
                  - name: Open
                    when: {present: model}
                    status: model.state
                    states: {Waiting: Opened, Ready: Finished}
        """;

    private static readonly Lazy<LoadedGeneration> s_covering = new(() => Compile(CoveringPhases, expectedWarnings: 1));
    private static readonly Lazy<LoadedGeneration> s_openEnded = new(() => Compile(OpenEndedPhases, expectedWarnings: 0));

    // The last column is the wire value that decided the state: the phase's field as received, or
    // the array element that decided it (the first still in progress), null when missing.
    [Theory]
    [InlineData("waiting", null, "Open", "Opened", "waiting")]
    [InlineData("ready", new[] { "busy" }, "Open", "Finished", "ready")]
    [InlineData(null, new[] { "done", "busy" }, "Work", "Working", "busy")]
    [InlineData(null, new[] { "done", "DONE" }, "Work", "Finished", "done")]
    [InlineData(null, new string[0], "Idle", "Idle", null)]
    [InlineData(null, null, "Idle", "Idle", null)]
    public void Phases_are_checked_in_order_and_the_opposite_of_an_earlier_one_always_applies(string? holderState, string[]? steps, string phase, string state, string? wireValue)
    {
        var actual = Read(s_covering.Value, holderState, steps);

        Assert.Equal((phase, state, wireValue), actual);
    }

    [Fact]
    public void A_phase_that_can_never_apply_is_not_emitted_but_stays_in_the_phase_enum()
    {
        var phases = Enum.GetNames(s_covering.Value.Type("TicketPhase"));

        Assert.Equal(new[] { "Open", "Work", "Idle", "Never" }, phases);
        var accessor = Generate(CoveringPhases).Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("TicketState.g.cs", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("TicketPhase.Never,", accessor, StringComparison.Ordinal);

        // The locals are named after the properties, away from the parameter and from keywords.
        Assert.Contains("var model2 = model?.Model;", accessor, StringComparison.Ordinal);
        Assert.Contains("var eventValue = model?.Event;", accessor, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "Work", "Working", null)]
    [InlineData("ready", null, "Work", "Working", null)]
    [InlineData("ready", new[] { "done" }, "Open", "Finished", "ready")]
    [InlineData(null, new[] { "done" }, "Work", "Finished", "done")]
    [InlineData(null, new[] { "done", "Busy", "busy" }, "Work", "Working", "Busy")]
    public void When_no_phase_applies_the_first_is_reported(string? holderState, string[]? steps, string phase, string state, string? wireValue)
    {
        var actual = Read(s_openEnded.Value, holderState, steps);

        Assert.Equal((phase, state, wireValue), actual);
    }

    private static (string Phase, string State, string? WireValue) Read(LoadedGeneration generated, string? holderState, string[]? steps)
    {
        var ticket = generated.New("Ticket");
        if (holderState is not null)
        {
            var holder = generated.New("Holder");
            LoadedGeneration.Set(holder, "State", holderState);
            LoadedGeneration.Set(ticket, "Model", holder);
        }

        if (steps is not null)
        {
            var list = generated.NewList("Step");
            foreach (var code in steps)
            {
                var step = generated.New("Step");
                LoadedGeneration.Set(step, "Code", code);
                list.Add(step);
            }

            LoadedGeneration.Set(ticket, "Event", list);
        }

        var result = generated.Call("TicketStateExtensions", "GetTicketState", ticket)!;
        return (LoadedGeneration.Get(result, "Phase")!.ToString()!, LoadedGeneration.Get(result, "State")!.ToString()!, (string?)LoadedGeneration.Get(result, "WireValue"));
    }

    private static GeneratorRun Generate(string phases) =>
        GeneratorHarness.Run(Spec(phases), "/repo/spec/tickets.yaml", GeneratorHarness.CreateCompilation(false, Models));

    private static LoadedGeneration Compile(string phases, int expectedWarnings)
    {
        var run = Generate(phases);
        Assert.Null(run.Single.Exception);
        Assert.Equal(expectedWarnings, run.Diagnostics.Count(d => d.Id == "CSDK017"));
        Assert.Empty(run.Diagnostics.Where(d => d.Id != "CSDK017" && d.Severity != DiagnosticSeverity.Info));

        // The generated code itself compiles without a warning (an unreachable statement would be one).
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return LoadedGeneration.Load(run);
    }

    private static string Spec(string phases) => """
        openapi: 3.0.3
        info:
          title: Lifecycle accessor shapes
          version: 1.0.0
        paths:
          /tickets:
            get:
              operationId: getTicket
              responses:
                '200':
                  description: A ticket.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Ticket'
        components:
          schemas:
            Ticket:
              type: object
              x-contacts-lifecycle:
                enum: TicketState
                phaseEnum: TicketPhase
                result: TicketStatus
                accessor: GetTicketState
                states:
                  - name: Idle
                  - name: Opened
                  - name: Working
                  - name: Finished
                    terminal: true
                    outcome: succeeded
                phases:
        """ + "\n" + phases + "\n" + """
              properties:
                model:
                  $ref: '#/components/schemas/Holder'
                event:
                  type: array
                  items:
                    $ref: '#/components/schemas/Step'
            Holder:
              type: object
              properties:
                state:
                  type: string
                  x-contacts-status:
                    enum: HolderState
                    fallback: Waiting
                    values:
                      - value: waiting
                      - value: ready
                        terminal: true
                        outcome: succeeded
            Step:
              type: object
              properties:
                code:
                  type: string
                  x-contacts-status:
                    enum: StepState
                    fallback: Busy
                    values:
                      - value: busy
                      - value: done
                        terminal: true
                        outcome: succeeded
        """;
}
