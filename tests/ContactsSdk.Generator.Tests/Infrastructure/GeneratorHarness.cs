using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ContactsSdk.TestSupport.Generator;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>Runs the real generator through CSharpGeneratorDriver, as the compiler does.</summary>
internal static class GeneratorHarness
{
    public const string Namespace = GeneratorDriverFactory.KiotaNamespace;

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithPreprocessorSymbols("NETCOREAPP3_1_OR_GREATER", "NET8_0_OR_GREATER");

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        // The framework only: the test's own dependencies (the SDK with its generated types) must not leak in.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        var kiota = new[]
        {
            typeof(Microsoft.Kiota.Abstractions.Serialization.IParsable).Assembly.Location,
            typeof(Microsoft.Kiota.Serialization.Json.JsonParseNode).Assembly.Location,
        }.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return platform.Concat(kiota).ToImmutableArray();
    });

    /// <summary>The Kiota classes the fixture spec gives (as Kiota names them).</summary>
    public const string FixtureModels = """
        namespace ContactsSdk.Models
        {
            public class Base { public string? RequestId { get; set; } }
            public class JobResponse : Base { public Job? Job { get; set; } public System.Collections.Generic.List<Step>? Steps { get; set; } public string? Kind { get; set; } }
            public class Job { public string? QueueStatus { get; set; } }
            public class Step { public int? StepCode { get; set; } }
            public class JobError : System.Exception { public string? MessageEscaped { get; set; } }
        }
        """;

    private static readonly Lazy<CSharpCompilation> s_withKiotaModels = new(() => CreateCompilation(withKiotaModels: true));
    private static readonly Lazy<CSharpCompilation> s_withFixtureModels = new(() => CreateCompilation(withKiotaModels: false, FixtureModels));

    /// <summary>The compilation a spec's generated code joins: the committed Kiota models for the spec, the fixture's models for any other spec.</summary>
    public static CSharpCompilation ModelsFor(string specPath) =>
        specPath == TestPaths.SpecPath ? s_withKiotaModels.Value : s_withFixtureModels.Value;

    /// <summary>A compilation holding the given sources (and, when asked, the committed Kiota models).</summary>
    public static CSharpCompilation CreateCompilation(bool withKiotaModels, params string[] sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)).ToList();
        if (withKiotaModels)
        {
            trees.AddRange(Directory.GetFiles(TestPaths.KiotaModelsDirectory, "*.cs")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), ParseOptions, p)));
        }

        return CSharpCompilation.Create(
            "GeneratorTests",
            trees,
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>A driver over one spec, with step tracking on.</summary>
    public static GeneratorDriver CreateDriver(string specText, string specPath, string? kiotaNamespace = Namespace) =>
        GeneratorDriverFactory.Create(specText, specPath, ParseOptions, kiotaNamespace);

    /// <summary>
    /// Runs the generator once over a spec and a compilation (by default the models the spec's
    /// generated code joins). Every run is also a cache test: a second run over an equal compilation
    /// must be served from the cache, and no step may hold a compiler object.
    /// </summary>
    public static GeneratorRun Run(string specText, string specPath, Compilation? compilation = null, string? kiotaNamespace = Namespace)
    {
        compilation ??= ModelsFor(specPath);
        var driver = CreateDriver(specText, specPath, kiotaNamespace)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var outputDiagnostics);
        var run = new GeneratorRun(driver, driver.GetRunResult(), output, outputDiagnostics);
        if (run.Single.Exception is null)
        {
            IncrementalChecks.AssertOutputsArePlainData(run.Single);
            IncrementalChecks.AssertRerunIsCached(driver, compilation);
        }

        return run;
    }
}

internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> OutputDiagnostics)
{
    public GeneratorRunResult Single => Result.Results.Single();

    public ImmutableArray<Diagnostic> Diagnostics => Single.Diagnostics;

    public IReadOnlyDictionary<string, string> Sources =>
        Single.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}
