using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ContactsSdk.TestSupport.Generator;

namespace ContactsSdk.Benchmarks.Generator;

/// <summary>
/// What the compiler hands the status generator in a build of the SDK: the spec and the build
/// properties (through the driver the generator tests use too), and a compilation.
/// </summary>
internal static class GeneratorInputs
{
    public const string SpecPath = "/repo/spec/contacts.yaml";

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public static GeneratorDriver CreateDriver(string specText, bool trackSteps = false) =>
        GeneratorDriverFactory.Create(specText, SpecPath, ParseOptions, trackSteps: trackSteps);

    /// <summary>
    /// A compilation of <paramref name="files"/> hand-written-looking classes; <paramref name="edit"/>
    /// changes one method body of the first file (an edit the generator has no reason to look at).
    /// </summary>
    /// <remarks>
    /// The compilation also holds the Kiota models the spec's generated code extends
    /// (<paramref name="models"/>), as in a build of the SDK, where the generator checks their names.
    /// </remarks>
    public static CSharpCompilation CreateCompilation(int files, IEnumerable<string> models, int edit = 0)
    {
        var trees = Enumerable.Range(0, files)
            .Select(i => CSharpSyntaxTree.ParseText(Source(i, i == 0 ? edit : 0), ParseOptions, $"/repo/src/Class{i}.cs"))
            .Concat(models.Select((model, i) => CSharpSyntaxTree.ParseText(model, ParseOptions, $"/repo/src/Generated/Model{i}.cs")));
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            new[]
            {
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Abstractions.Serialization.IParsable).Assembly.Location),
            },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The SDK's committed Kiota models, embedded in this assembly.</summary>
    public static IReadOnlyList<string> KiotaModels()
    {
        var assembly = typeof(GeneratorInputs).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("models/", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new System.IO.StreamReader(assembly.GetManifestResourceStream(name)!);
                return reader.ReadToEnd();
            })
            .ToList();
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
}
