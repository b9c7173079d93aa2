using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>Runs the real generator through CSharpGeneratorDriver, as the compiler does.</summary>
internal static class GeneratorHarness
{
    public const string Namespace = "ContactsSdk.Generated";

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
    public static GeneratorDriver CreateDriver(string specText, string specPath, string? kiotaNamespace = Namespace)
    {
        var generator = new ContactsSdkGenerator().AsSourceGenerator();
        return CSharpGeneratorDriver.Create(
            new[] { generator },
            new AdditionalText[] { new InMemoryAdditionalText(specPath, specText) },
            ParseOptions,
            new TestOptionsProvider(kiotaNamespace, new[] { specPath }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once over a spec and a compilation.</summary>
    public static GeneratorRun Run(string specText, string specPath, Compilation? compilation = null, string? kiotaNamespace = Namespace)
    {
        compilation ??= CreateCompilation(withKiotaModels: false, "namespace Empty { }");
        var driver = CreateDriver(specText, specPath, kiotaNamespace)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var outputDiagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, outputDiagnostics);
    }
}

internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> OutputDiagnostics)
{
    public GeneratorRunResult Single => Result.Results.Single();

    public ImmutableArray<Diagnostic> Diagnostics => Single.Diagnostics;

    public IReadOnlyDictionary<string, string> Sources =>
        Single.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}

internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly TestOptions s_empty = new(new Dictionary<string, string>());
    private readonly HashSet<string> _specPaths;
    private readonly TestOptions _global;

    public TestOptionsProvider(string? kiotaNamespace, IEnumerable<string> specPaths)
    {
        _specPaths = new HashSet<string>(specPaths, StringComparer.Ordinal);
        var global = new Dictionary<string, string>();
        if (kiotaNamespace is not null)
        {
            global["build_property.KiotaClientNamespace"] = kiotaNamespace;
        }

        _global = new TestOptions(global);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _specPaths.Contains(textFile.Path)
            ? new TestOptions(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ContactsSdkSpec"] = "true" })
            : s_empty;
}

internal sealed class TestOptions : AnalyzerConfigOptions
{
    private readonly Dictionary<string, string> _values;

    public TestOptions(Dictionary<string, string> values)
    {
        _values = values;
    }

    public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
}
