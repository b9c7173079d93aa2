using System.IO;
using System.Linq;
using ContactsSdk.Generator.Model;
using ContactsSdk.Generator.Parsing;
using SharpYaml.Serialization;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// The parser's typed value readers, on their own: each reports a located diagnostic into the
/// collector and tells the annotation whether the problem drops it.
/// </summary>
public sealed class AnnotationReaderTests
{
    private const string Path = "/repo/spec/reader.yaml";

    [Fact]
    public void An_unknown_key_is_reported_and_skipped_without_failing_the_annotation()
    {
        var (reader, node, text) = Read("enum: A\nfallbak: B\n");

        var map = reader.ReadMapping(node, "x-contacts-status of S.p", new[] { "enum", "fallback" }, node);

        Assert.NotNull(map);
        Assert.Equal(new[] { "enum" }, map!.Keys);
        Assert.False(reader.Failed);
        var diagnostic = Assert.Single(reader.Diagnostics.ToEquatableArray());
        Assert.Equal("CSDK002", diagnostic.Id);
        Assert.Equal("fallbak", text.Substring(diagnostic.Location!.Start, diagnostic.Location.Length));
        Assert.Equal(1, reader.Diagnostics.ErrorCount);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_fails_the_annotation_at_the_value()
    {
        var (reader, node, text) = Read("caseSensitive: maybe\ndescription: [a]\n");
        var map = reader.ReadMapping(node, "w", new[] { "caseSensitive", "description" }, node)!;

        Assert.Null(reader.OptionalBool(map, "caseSensitive", "w"));
        Assert.Null(reader.OptionalString(map, "description", "w"));

        Assert.True(reader.Failed);
        var diagnostics = reader.Diagnostics.ToEquatableArray();
        Assert.Equal(new[] { "CSDK003", "CSDK003" }, diagnostics.Select(d => d.Id));
        Assert.Equal("maybe", text.Substring(diagnostics[0].Location!.Start, diagnostics[0].Location!.Length));
        Assert.Equal("'caseSensitive' of w", diagnostics[0].Arguments[0]);
    }

    [Fact]
    public void A_missing_required_identifier_is_reported_at_its_owner_and_a_keyword_is_refused()
    {
        var (reader, node, _) = Read("accessor: class\n");
        var map = reader.ReadMapping(node, "w", new[] { "enum", "accessor" }, node)!;

        Assert.Null(reader.RequiredIdentifier(map, "enum", "w", node));
        Assert.Null(reader.OptionalIdentifier(map, "accessor", "w"));

        Assert.True(reader.Failed);
        Assert.Equal(new[] { "CSDK004", "CSDK007" }, reader.Diagnostics.ToEquatableArray().Select(d => d.Id));
    }

    [Fact]
    public void Wire_values_must_match_the_field_kind()
    {
        var (reader, node, _) = Read("a: '5'\nb: 5\nc: -12\n");
        var map = reader.ReadMapping(node, "w", new[] { "a", "b", "c" }, node)!;

        Assert.False(reader.TryReadWireValue(map["a"].Value, WireKind.Integer, "a", out _, out _));
        Assert.False(reader.TryReadWireValue(map["b"].Value, WireKind.String, "b", out _, out _));
        Assert.True(reader.TryReadWireValue(map["c"].Value, WireKind.Integer, "c", out var text, out var integer));
        Assert.Equal(("-12", -12L), (text, integer));
        // The caller decides whether a wrong value drops the annotation.
        Assert.False(reader.Failed);
        Assert.Equal(2, reader.Diagnostics.ErrorCount);
    }

    [Fact]
    public void The_collector_counts_errors_but_not_warnings_or_information()
    {
        var collector = new DiagnosticCollector(Path, "x");

        collector.Report(DiagnosticDescriptors.UnreachablePhase, Yaml.FileStart(Path), "a", "b", "c");
        collector.Report(DiagnosticDescriptors.OpenApiReaderProblem, Yaml.FileStart(Path), "m");
        Assert.Equal(0, collector.ErrorCount);

        collector.Report(DiagnosticDescriptors.MissingKey, Yaml.FileStart(Path), "w", "k");
        Assert.Equal(1, collector.ErrorCount);
        Assert.Equal(3, collector.ToEquatableArray().Count);
    }

    private static (AnnotationReader Reader, YamlMappingNode Node, string Text) Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (new AnnotationReader(new DiagnosticCollector(Path, text)), (YamlMappingNode)stream.Documents[0].RootNode, text);
    }
}
