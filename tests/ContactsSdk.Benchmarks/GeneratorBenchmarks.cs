using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using ContactsSdk.Benchmarks.Generator;
using ContactsSdk.Benchmarks.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using SharpYaml.Serialization;

namespace ContactsSdk.Benchmarks;

/// <summary>
/// The status generator driven through CSharpGeneratorDriver with the spec as an additional file,
/// as the compiler runs it: a cold run (no cached state), and the run after an edit of a C# file
/// the generator does not read (with the Kiota models in the compilation, whose names the generator
/// checks on every run, as in a build of the SDK). The baseline is Microsoft.OpenApi.Readers parsing the same text
/// alone, which any spec-reading generator has to pay for.
/// </summary>
public class GeneratorBenchmarks
{
    /// <summary>C# files in the compilation the generator runs on.</summary>
    private const int CompilationFiles = 50;

    /// <summary>Routes of the synthetic spec (two annotated fields each).</summary>
    public const int SyntheticPaths = 120;

    private string _text = string.Empty;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation[] _edited = null!;
    private GeneratorDriver _warmDriver = null!;
    private int _edit;

    [Params("real", "synthetic")]
    public string Spec { get; set; } = "real";

    [GlobalSetup]
    public void Setup()
    {
        _text = Spec == "real" ? SpecText.Text : SyntheticSpec.Create(SyntheticPaths);
        var models = Spec == "real" ? GeneratorInputs.KiotaModels() : SyntheticSpec.Models(SyntheticPaths);
        _compilation = GeneratorInputs.CreateCompilation(CompilationFiles, models);
        // Two versions of the compilation that differ in one method body: alternating between them
        // makes every measured run follow a real (unrelated) edit.
        _edited = new[]
        {
            (CSharpCompilation)_compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees[0], GeneratorInputs.EditedFirstFile(1)),
            (CSharpCompilation)_compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees[0], GeneratorInputs.EditedFirstFile(2)),
        };
        _warmDriver = GeneratorInputs.CreateDriver(_text).RunGenerators(_compilation);
        var sources = GeneratorInputs.CheckRun(_warmDriver, Spec + " spec");
        Console.WriteLine($"// {Spec} spec: {_text.Length} characters, {sources} generated files.");
    }

    [Benchmark(Baseline = true)]
    public OpenApiDocument OpenApiReaderParse() =>
        new OpenApiStringReader(new OpenApiReaderSettings { ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences, LoadExternalRefs = false })
            .Read(_text, out _);

    /// <summary>
    /// SharpYaml loading the same text: the generator needs its node tree for line and column of
    /// every annotation, and Microsoft.OpenApi.Readers 1.6 has no public way to read an already
    /// loaded YAML document, so a cold run parses the YAML twice.
    /// </summary>
    [Benchmark]
    public YamlStream SharpYamlLoad()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_text));
        return stream;
    }

    [Benchmark]
    public GeneratorDriver GeneratorColdRun() => GeneratorInputs.CreateDriver(_text).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver GeneratorRunAfterUnrelatedEdit()
    {
        _edit ^= 1;
        _warmDriver = _warmDriver.RunGenerators(_edited[_edit]);
        return _warmDriver;
    }
}
