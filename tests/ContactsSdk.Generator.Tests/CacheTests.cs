using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ContactsSdk.Generator.Tests.Infrastructure;
using ContactsSdk.TestSupport.Generator;
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
    private static IReadOnlyList<string> Steps => IncrementalChecks.StepNames;

    [Fact]
    public void Every_declared_step_runs_on_the_spec()
    {
        var result = GeneratorHarness.CreateDriver(TestPaths.ReadSpec(), TestPaths.SpecPath)
            .RunGenerators(GeneratorHarness.ModelsFor(TestPaths.SpecPath))
            .GetRunResult().Results.Single();

        // Read from TrackingNames by reflection: a step added to the pipeline is checked without being listed here.
        Assert.True(Steps.Count >= 11, $"only {Steps.Count} tracking names found");
        foreach (var step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
        }
    }

    [Fact]
    public void An_unrelated_csharp_edit_reuses_every_step_and_never_reparses_the_spec()
    {
        var compilation = GeneratorHarness.ModelsFor(TestPaths.SpecPath).AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class A { } }", GeneratorHarness.ParseOptions));
        var first = GeneratorHarness.CreateDriver(TestPaths.ReadSpec(), TestPaths.SpecPath).RunGenerators(compilation);
        var firstResult = first.GetRunResult().Results.Single();
        Assert.NotEmpty(firstResult.GeneratedSources);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class B { void M() { } } }", GeneratorHarness.ParseOptions));
        var second = first.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
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
        var first = GeneratorHarness.CreateDriver(spec, TestPaths.SpecPath).RunGenerators(GeneratorHarness.ModelsFor(TestPaths.SpecPath));
        var firstResult = first.GetRunResult().Results.Single();

        // Move every line down and change a description outside the annotations.
        var edited = "# a comment that shifts every line\n" + spec.Replace(
            "description: Contact deletion and its two-phase status.",
            "description: Contact deletion and its two-phase status (edited).");
        Assert.NotEqual(spec, edited);
        var second = first
            .ReplaceAdditionalText(FindText(first), new InMemoryAdditionalText(TestPaths.SpecPath, edited))
            .RunGenerators(GeneratorHarness.ModelsFor(TestPaths.SpecPath))
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
        var first = GeneratorHarness.CreateDriver(spec, TestPaths.SpecPath).RunGenerators(GeneratorHarness.ModelsFor(TestPaths.SpecPath));
        var firstResult = first.GetRunResult().Results.Single();

        const string before = "description: The deletion operation is invalid and will not be processed.\n                terminal: true";
        Assert.Contains(before, spec, StringComparison.Ordinal);
        var edited = spec.Replace(before, "description: The deletion operation is invalid (edited).\n                terminal: true");
        var second = first
            .ReplaceAdditionalText(FindText(first), new InMemoryAdditionalText(TestPaths.SpecPath, edited))
            .RunGenerators(GeneratorHarness.ModelsFor(TestPaths.SpecPath))
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
        var first = GeneratorHarness.CreateDriver(broken, TestPaths.FixturePath).RunGenerators(GeneratorHarness.ModelsFor(TestPaths.FixturePath));
        var second = first
            .ReplaceAdditionalText(FindText(first), new InMemoryAdditionalText(TestPaths.FixturePath, "\n\n" + broken))
            .RunGenerators(GeneratorHarness.ModelsFor(TestPaths.FixturePath))
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
            .RunGenerators(GeneratorHarness.ModelsFor(TestPaths.FixturePath))
            .GetRunResult().Results.Single();

        // SpecFiles is Roslyn's own AdditionalText; every output after it must be plain data,
        // including the Kiota name check, which reads the compilation.
        Assert.Contains(TrackingNames.KiotaNames, result.TrackedSteps.Keys);
        IncrementalChecks.AssertOutputsArePlainData(result);
    }

    [Fact]
    public void The_walk_finds_a_compiler_object_in_a_step_output()
    {
        // The check above must be able to fail: a pipeline that carries the compilation is caught.
        var generator = new CarryingGenerator().AsSourceGenerator();
        var result = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new[] { generator }, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(GeneratorHarness.CreateCompilation(false, "class A { }"))
            .GetRunResult().Results.Single();

        var exception = Assert.Throws<InvalidOperationException>(() => IncrementalChecks.AssertOutputsArePlainData(result));
        Assert.Contains("Compilation", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_edit_that_keeps_the_kiota_names_regenerates_nothing()
    {
        var models = GeneratorHarness.ModelsFor(TestPaths.SpecPath);
        var first = GeneratorHarness.CreateDriver(TestPaths.ReadSpec(), TestPaths.SpecPath).RunGenerators(models);
        var firstResult = first.GetRunResult().Results.Single();

        // A new property on a model an accessor extends: the names the generator needs are all still there.
        var operation = models.SyntaxTrees.Single(t => Path.GetFileName(t.FilePath) == "DeleteOperation.cs");
        var edited = models.ReplaceSyntaxTree(operation, CSharpSyntaxTree.ParseText(
            operation.GetText().ToString().Replace("public string? Status { get; set; }", "public string? Status { get; set; }\n        public string? Added { get; set; }"),
            GeneratorHarness.ParseOptions,
            operation.FilePath));
        Assert.NotEqual(operation.GetText().ToString(), edited.SyntaxTrees.Single(t => t.FilePath == operation.FilePath).GetText().ToString());
        var second = first.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.KiotaNames, IncrementalStepRunReason.Unchanged);
        AssertReasons(second, TrackingNames.CheckedGeneration, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputReasons(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(Texts(firstResult), Texts(second));
        Assert.Empty(second.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info));
    }

    [Fact]
    public void A_kiota_rename_gives_a_located_error_on_the_annotation_instead_of_a_compile_error()
    {
        var models = GeneratorHarness.ModelsFor(TestPaths.SpecPath);
        var spec = TestPaths.ReadSpec();
        var first = GeneratorHarness.CreateDriver(spec, TestPaths.SpecPath).RunGenerators(models);

        // As if a Kiota upgrade named the property differently.
        var operation = models.SyntaxTrees.Single(t => Path.GetFileName(t.FilePath) == "DeleteOperation.cs");
        var renamed = operation.GetText().ToString().Replace(" Status { get; set; }", " StatusValue { get; set; }").Replace("Status = n.", "StatusValue = n.").Replace("\"status\", Status)", "\"status\", StatusValue)");
        var edited = models.ReplaceSyntaxTree(operation, CSharpSyntaxTree.ParseText(renamed, GeneratorHarness.ParseOptions, operation.FilePath));
        var driver = first.RunGenerators(edited);
        var second = driver.GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.KiotaNames, IncrementalStepRunReason.Modified);
        // The status annotation, and the lifecycle whose status path reads the same property.
        var errors = second.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).OrderByDescending(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { "CSDK018", "CSDK018" }, errors.Select(d => d.Id));
        var messages = errors.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.StartsWith("x-contacts-status of DeleteOperation.status extends a Kiota model", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("x-contacts-lifecycle of DeleteStatusResponse extends a Kiota model", messages[1], StringComparison.Ordinal);
        Assert.All(messages, message => Assert.Contains("has no property Status of DeleteOperation", message, StringComparison.Ordinal));
        var lines = spec.Split('\n');
        foreach (var (error, key) in errors.Zip(new[] { "x-contacts-status:", "x-contacts-lifecycle:" }))
        {
            var span = error.Location.GetLineSpan();
            Assert.Equal(TestPaths.SpecPath, span.Path);
            Assert.StartsWith(key, lines[span.StartLinePosition.Line].Substring(span.StartLinePosition.Character), StringComparison.Ordinal);
        }

        // The annotation and the lifecycle that reads it are not generated; the rest compiles without error.
        var generated = Texts(second);
        Assert.DoesNotContain("SuppressionStatus.g.cs", generated.Keys);
        Assert.DoesNotContain("ContactDeletionState.g.cs", generated.Keys);
        Assert.Contains("DeletePhaseStatus.g.cs", generated.Keys);
        driver.RunGeneratorsAndUpdateCompilation(edited, out var output, out _);
        var compileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, string.Join("\n", compileErrors));
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

    /// <summary>A generator whose step keeps the compilation: what the plain-data walk must catch.</summary>
    private sealed class CarryingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var carried = context.CompilationProvider.Select(static (compilation, _) => compilation).WithTrackingName(TrackingNames.Model);
            context.RegisterSourceOutput(carried, static (_, _) => { });
        }
    }
}
