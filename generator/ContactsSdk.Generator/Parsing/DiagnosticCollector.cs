using System.Collections.Generic;
using ContactsSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator.Parsing;

/// <summary>
/// Collects the diagnostics of one spec as equatable data, located in the spec file. The parser's
/// steps and helpers report here; nothing else of the parser is needed to report a problem.
/// </summary>
internal sealed class DiagnosticCollector
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public DiagnosticCollector(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The spec file's path.</summary>
    public string Path { get; }

    /// <summary>The spec's text, to turn YAML marks into positions.</summary>
    public string Text { get; }

    /// <summary>How many errors were reported so far: an annotation with an error is not generated, a warning does not stop it.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Reports a problem at a YAML node.</summary>
    public void Report(DiagnosticDescriptor descriptor, YamlNode node, params string[] arguments) =>
        Report(descriptor, Yaml.Locate(Path, Text, node), arguments);

    /// <summary>Reports a problem at a place in the spec.</summary>
    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(arguments)));
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
    }

    /// <summary>Everything reported, in order.</summary>
    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _diagnostics.ToEquatableArray();
}
