using System;
using System.Collections.Generic;
using System.Threading;
using ContactsSdk.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContactsSdk.TestSupport.Generator;

/// <summary>
/// Drives the status generator as the compiler does in a build of the SDK: the spec as an
/// additional file marked <c>ContactsSdkSpec="true"</c> and the compiler-visible
/// <c>KiotaClientNamespace</c> property. Shared by the generator tests and the benchmarks, so both
/// measure and check the same thing.
/// </summary>
public static class GeneratorDriverFactory
{
    /// <summary>The namespace of the SDK's Kiota client.</summary>
    public const string KiotaNamespace = "ContactsSdk";

    /// <summary>A driver over one spec; <paramref name="kiotaNamespace"/> null leaves the property unset.</summary>
    public static GeneratorDriver Create(string specText, string specPath, CSharpParseOptions parseOptions, string? kiotaNamespace = KiotaNamespace, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new ContactsSdkGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText(specPath, specText) },
            parseOptions,
            new BuildOptionsProvider(kiotaNamespace, new[] { specPath }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}

/// <summary>An additional file held in memory.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
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

/// <summary>The MSBuild view the compiler gives the generator: the namespace property and the spec marker.</summary>
public sealed class BuildOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly BuildOptions s_empty = new(new Dictionary<string, string>());
    private static readonly BuildOptions s_spec = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ContactsSdkSpec"] = "true" });
    private readonly HashSet<string> _specPaths;
    private readonly BuildOptions _global;

    public BuildOptionsProvider(string? kiotaNamespace, IEnumerable<string> specPaths)
    {
        _specPaths = new HashSet<string>(specPaths, StringComparer.Ordinal);
        var global = new Dictionary<string, string>();
        if (kiotaNamespace is not null)
        {
            global["build_property.KiotaClientNamespace"] = kiotaNamespace;
        }

        _global = new BuildOptions(global);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _specPaths.Contains(textFile.Path) ? s_spec : s_empty;
}

public sealed class BuildOptions : AnalyzerConfigOptions
{
    private readonly Dictionary<string, string> _values;

    public BuildOptions(Dictionary<string, string> values)
    {
        _values = values;
    }

    public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
}
