using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContactsSdk.Benchmarks.Generator;

/// <summary>
/// What the compiler hands the status generator in a build of the SDK: the spec as an additional
/// file marked <c>ContactsSdkSpec="true"</c>, the compiler-visible <c>KiotaClientNamespace</c>
/// property, and a compilation.
/// </summary>
internal static class GeneratorInputs
{
    public const string SpecPath = "/repo/spec/contacts.yaml";

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public static GeneratorDriver CreateDriver(string specText, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new ContactsSdk.Generator.ContactsSdkGenerator().AsSourceGenerator() },
            new AdditionalText[] { new SpecFile(SpecPath, specText) },
            ParseOptions,
            new BuildOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// A compilation of <paramref name="files"/> hand-written-looking classes; <paramref name="edit"/>
    /// changes one method body of the first file (an edit the generator has no reason to look at).
    /// </summary>
    public static CSharpCompilation CreateCompilation(int files, int edit = 0)
    {
        var trees = Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(Source(i, i == 0 ? edit : 0), ParseOptions, $"/repo/src/Class{i}.cs"));
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static SyntaxTree EditedFirstFile(int edit) => CSharpSyntaxTree.ParseText(Source(0, edit), ParseOptions, "/repo/src/Class0.cs");

    private static string Source(int i, int edit) => $$"""
        namespace Consumer
        {
            public sealed class Class{{i}}
            {
                public int Value { get; set; }

                public int Next(int step) => Value + step * {{edit + 1}};

                public override string ToString() => "Class{{i}} " + Value;
            }
        }
        """;

    /// <summary>Throws unless a run generated sources and reported no error: a benchmark of a failing run measures nothing useful.</summary>
    public static int CheckRun(GeneratorDriver driver, string what)
    {
        var result = driver.GetRunResult().Results.Single();
        var errors = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (result.Exception is not null || errors.Count > 0 || result.GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException($"The generator did not run cleanly on the {what}: {result.Exception?.Message} {string.Join("; ", errors)}");
        }
        return result.GeneratedSources.Length;
    }

    private sealed class SpecFile : AdditionalText
    {
        private readonly SourceText _text;

        public SpecFile(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class BuildOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Options s_none = new(ImmutableDictionary<string, string>.Empty);
        private static readonly Options s_global = new(ImmutableDictionary<string, string>.Empty.Add("build_property.KiotaClientNamespace", "ContactsSdk.Generated"));
        private static readonly Options s_spec = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.ContactsSdkSpec", "true"));

        public override AnalyzerConfigOptions GlobalOptions => s_global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            string.Equals(textFile.Path, SpecPath, StringComparison.Ordinal) ? s_spec : s_none;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
