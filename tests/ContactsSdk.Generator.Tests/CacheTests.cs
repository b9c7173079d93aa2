using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ContactsSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// The generator is incremental by construction: these tests run the real driver twice and check
/// which named steps ran again.
/// </summary>
public sealed class CacheTests
{
    private static readonly string[] s_steps =
    {
        TrackingNames.SpecFiles, TrackingNames.SpecText, TrackingNames.Parse, TrackingNames.Model,
        TrackingNames.Diagnostics, TrackingNames.Namespace, TrackingNames.Generation,
    };

    [Fact]
    public void The_step_list_is_complete()
    {
        Assert.Equal(s_steps.OrderBy(s => s), ContactsSdkGenerator.AllTrackingNames.OrderBy(s => s));
    }

    [Fact]
    public void An_unrelated_csharp_edit_reuses_every_step_and_never_reparses_the_spec()
    {
        var compilation = GeneratorHarness.CreateCompilation(false, "namespace App { class A { } }");
        var first = GeneratorHarness.CreateDriver(TestPaths.ReadSpec(), TestPaths.SpecPath).RunGenerators(compilation);
        var firstResult = first.GetRunResult().Results.Single();
        Assert.NotEmpty(firstResult.GeneratedSources);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class B { void M() { } } }", GeneratorHarness.ParseOptions));
        var second = first.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in s_steps)
        {
            AssertReasons(second, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        // The parse step did not run at all: its output came from the cache.
        AssertReasons(second, TrackingNames.Parse, IncrementalStepRunReason.Cached);
        AssertOutputReasons(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(Texts(firstResult), Texts(second));
    }

    [Fact]
    public void A_spec_edit_that_touches_no_annotation_leaves_the_source_unchanged()
    {
        var spec = TestPaths.ReadSpec();
        var first = GeneratorHarness.CreateDriver(spec, TestPaths.SpecPath).RunGenerators(GeneratorHarness.CreateCompilation(false));
        var firstResult = first.GetRunResult().Results.Single();

        // Move every line down and change a description outside the annotations.
        var edited = "# a comment that shifts every line\n" + spec.Replace(
            "description: Contact deletion and its two-phase status.",
            "description: Contact deletion and its two-phase status (edited).");
        Assert.NotEqual(spec, edited);
        var second = first
            .ReplaceAdditionalText(FindText(first), new InMemoryAdditionalText(TestPaths.SpecPath, edited))
            .RunGenerators(GeneratorHarness.CreateCompilation(false))
            .GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.SpecText, IncrementalStepRunReason.Modified);
        // The parser ran again (new text) but produced an equal model (the spec has no diagnostics to move).
        AssertReasons(second, TrackingNames.Parse, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged);
        AssertReasons(second, TrackingNames.Model, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertReasons(second, TrackingNames.Generation, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertOutputReasons(second, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        Assert.Equal(Texts(firstResult), Texts(second));
    }

    [Fact]
    public void An_annotation_edit_regenerates()
    {
        var spec = TestPaths.ReadSpec();
        var first = GeneratorHarness.CreateDriver(spec, TestPaths.SpecPath).RunGenerators(GeneratorHarness.CreateCompilation(false));
        var firstResult = first.GetRunResult().Results.Single();

        const string before = "description: The deletion operation is invalid and will not be processed.\n                terminal: true";
        Assert.Contains(before, spec, StringComparison.Ordinal);
        var edited = spec.Replace(before, "description: The deletion operation is invalid (edited).\n                terminal: true");
        var second = first
            .ReplaceAdditionalText(FindText(first), new InMemoryAdditionalText(TestPaths.SpecPath, edited))
            .RunGenerators(GeneratorHarness.CreateCompilation(false))
            .GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Generation, IncrementalStepRunReason.Modified);
        Assert.Contains(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.NotEqual(Texts(firstResult)["DeletePhaseStatus.g.cs"], Texts(second)["DeletePhaseStatus.g.cs"]);
        Assert.Contains("The deletion operation is invalid (edited).", Texts(second)["DeletePhaseStatus.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagnostic_that_only_moves_does_not_regenerate_source()
    {
        var broken = TestPaths.ReadFixture().Replace("fallback: Other", "fallback: Misc");
        var first = GeneratorHarness.CreateDriver(broken, TestPaths.FixturePath).RunGenerators(GeneratorHarness.CreateCompilation(false));
        var second = first
            .ReplaceAdditionalText(FindText(first), new InMemoryAdditionalText(TestPaths.FixturePath, "\n\n" + broken))
            .RunGenerators(GeneratorHarness.CreateCompilation(false))
            .GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Model, IncrementalStepRunReason.Unchanged);
        Assert.Equal("CSDK008", Assert.Single(second.Diagnostics).Id);
        Assert.Equal(first.GetRunResult().Results.Single().Diagnostics.Single().Location.GetLineSpan().StartLinePosition.Line + 2, second.Diagnostics.Single().Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Step_outputs_hold_no_compiler_objects()
    {
        var result = GeneratorHarness.CreateDriver(TestPaths.ReadFixture().Replace("fallback: Other", "fallback: Misc"), TestPaths.FixturePath)
            .RunGenerators(GeneratorHarness.CreateCompilation(false))
            .GetRunResult().Results.Single();

        // SpecFiles is Roslyn's own AdditionalText; every model after it must be plain data.
        foreach (var step in s_steps.Where(s => s != TrackingNames.SpecFiles))
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static AdditionalText FindText(GeneratorDriver driver) =>
        ((CSharpGeneratorDriver)driver).GetRunResult().Results.Single().TrackedSteps[TrackingNames.SpecFiles]
            .SelectMany(s => s.Outputs).Select(o => (AdditionalText)o.Value).Single();

    private static Dictionary<string, string> Texts(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
        var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.True(reasons.All(allowed.Contains), $"step {step}: {string.Join(", ", reasons)}; allowed {string.Join(", ", allowed)}");
    }

    private static void AssertOutputReasons(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        var reasons = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.True(reasons.All(allowed.Contains), $"outputs: {string.Join(", ", reasons)}");
    }

    private static void AssertPlainData(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or Compilation or SyntaxNode or SyntaxTree or Location or Diagnostic or SemanticModel,
            $"step {step} holds a {value.GetType().Name}");

        if (value is IEnumerable enumerable)
        {
            foreach (var item in enumerable)
            {
                AssertPlainData(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.GetValue(value), step, seen);
        }
    }
}
