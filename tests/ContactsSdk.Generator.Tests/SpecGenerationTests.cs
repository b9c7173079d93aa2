using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Linq;
using ContactsSdk.Generator.Tests.Infrastructure;
using ContactsSdk.TestSupport.Generator;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>The generator on the real spec and on the test fixture: baselines, no diagnostics, code that compiles.</summary>
public sealed class SpecGenerationTests
{
    [Fact]
    public void The_spec_generates_the_baselined_files_without_diagnostics()
    {
        var run = GeneratorHarness.Run(TestPaths.ReadSpec(), TestPaths.SpecPath, GeneratorHarness.ModelsFor(TestPaths.SpecPath));

        Assert.Null(run.Single.Exception);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info));
        Assert.Subset(
            run.Sources.Keys.ToHashSet(),
            new HashSet<string> { "ContactDeletionState.g.cs", "DeletePhaseStatus.g.cs", "StatusOutcome.g.cs", "SuppressionStatus.g.cs" });
        // Every file has its baseline and every baseline its file: an annotation added to the spec
        // needs a baseline refresh (CONTACTSSDK_UPDATE_BASELINES=1), reviewed like any code change.
        Baseline.AssertDirectoryMatches("Spec", run.Sources);

        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && IsGenerated(d)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_sdk_build_writes_the_generated_status_code_to_obj_as_the_readme_says()
    {
        // This test project references the SDK, so the SDK was just built in the same configuration.
        var configuration = typeof(SpecGenerationTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var directory = Path.Combine(TestPaths.RepositoryRoot, "sdk", "ContactsSdk", "obj", configuration, "net10.0", "generated", "ContactsSdk.Generator", "ContactsSdk.Generator.ContactsSdkGenerator");
        Assert.True(Directory.Exists(directory), $"the build wrote no generated status code to {directory}");

        // The files on disk are the ones the compiler used: the same as the generator's output on the spec.
        var onDisk = Directory.GetFiles(directory, "*.g.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        var run = GeneratorHarness.Run(TestPaths.ReadSpec(), TestPaths.SpecPath);
        Assert.Equal(run.Sources.Keys.OrderBy(k => k, System.StringComparer.Ordinal), onDisk.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        foreach (var (name, text) in run.Sources)
        {
            Assert.Equal(text.ReplaceLineEndings("\n"), onDisk[name].ReplaceLineEndings("\n"));
        }

        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        Assert.Contains("generated/ContactsSdk.Generator/ContactsSdk.Generator.ContactsSdkGenerator/", readme, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixture_generates_the_baselined_files_without_diagnostics()
    {
        var run = GeneratorHarness.Run(TestPaths.ReadFixture(), TestPaths.FixturePath, GeneratorHarness.ModelsFor(TestPaths.FixturePath));

        Assert.Null(run.Single.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(
            new[] { "ErrorMessageKind.g.cs", "JobKind.g.cs", "JobState.g.cs", "QueueStatus.g.cs", "StatusOutcome.g.cs", "StepCode.g.cs" },
            run.Sources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        foreach (var (hintName, text) in run.Sources)
        {
            Baseline.AssertMatches("Fixture/" + hintName, text);
        }

        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Names_and_descriptions_come_from_the_standard_enum_extensions()
    {
        var run = GeneratorHarness.Run(TestPaths.ReadFixture(), TestPaths.FixturePath);
        var queue = run.Sources["QueueStatus.g.cs"];
        var step = run.Sources["StepCode.g.cs"];

        Assert.Contains("public enum QueueStatus", queue);
        Assert.Contains("Waiting = 0,", queue);
        Assert.Contains("/// Picked up.", queue);
        Assert.Contains("Value9 = 2,", step);
        Assert.Contains("/// Crashed.", step);
        Assert.Contains("case 9L:", step);
        Assert.Contains("public static StepCode ReadStepCode(this global::ContactsSdk.Models.Step? model)", step);
    }

    [Fact]
    public void Kiota_names_are_followed()
    {
        var run = GeneratorHarness.Run(TestPaths.ReadFixture(), TestPaths.FixturePath);

        // A property of an error type that would hide Exception.Message is MessageEscaped in Kiota.
        Assert.Contains("model?.MessageEscaped", run.Sources["ErrorMessageKind.g.cs"]);
        // Member names derived from values: words capitalised, symbols dropped.
        Assert.Contains("QuotaExceeded = 1,", run.Sources["ErrorMessageKind.g.cs"]);
        Assert.Contains("BatchImport = 1,", run.Sources["JobKind.g.cs"]);
        // Case-sensitive matching is a switch over the exact values.
        Assert.Contains("case \"batch-import\":", run.Sources["JobKind.g.cs"]);
    }

    [Fact]
    public void Properties_named_like_openapi_keywords_are_still_read()
    {
        var spec = TestPaths.ReadFixture().Replace("            kind:\n              type: string\n", "            example:\n              type: string\n");
        var models = GeneratorHarness.CreateCompilation(false, GeneratorHarness.FixtureModels.Replace("public string? Kind", "public string? Example"));

        var run = GeneratorHarness.Run(spec, TestPaths.FixturePath, models);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("model?.Example", run.Sources["JobKind.g.cs"]);
    }

    [Fact]
    public void Without_the_namespace_property_nothing_is_generated_and_the_build_is_told()
    {
        var run = GeneratorHarness.Run(TestPaths.ReadSpec(), TestPaths.SpecPath, kiotaNamespace: null);

        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CSDK016", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
    }

    [Fact]
    public void Additional_files_not_marked_as_the_spec_are_ignored()
    {
        var generator = new ContactsSdkGenerator().AsSourceGenerator();
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { generator },
            new AdditionalText[] { new InMemoryAdditionalText("/other/notes.yaml", TestPaths.ReadSpec()) },
            GeneratorHarness.ParseOptions,
            new BuildOptionsProvider(GeneratorHarness.Namespace, new List<string>()));

        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation(false)).GetRunResult();

        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
    }

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true;
}
