using System;
using System.Collections.Generic;
using System.Linq;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator.Parsing;

/// <summary>
/// The standard enum extensions next to an annotation: <c>x-ms-enum</c> (name, values' name and
/// description), <c>x-enum-varnames</c> and <c>x-enum-descriptions</c> (paired with the
/// annotation's values by position, since the property has no <c>enum:</c>).
/// </summary>
internal sealed class StandardEnumExtensions
{
    private StandardEnumExtensions()
    {
    }

    /// <summary>False when one of them is malformed (already reported).</summary>
    public bool Ok { get; private set; } = true;

    /// <summary>x-ms-enum's name.</summary>
    public string? EnumName { get; private set; }

    /// <summary>Where x-ms-enum's name is.</summary>
    public YamlNode? EnumNameNode { get; private set; }

    /// <summary>x-ms-enum's values.</summary>
    public List<MsEnumValue> MsEnumValues { get; } = new();

    /// <summary>x-enum-varnames, when present.</summary>
    public List<(string? Value, YamlNode Node)>? VarNames { get; private set; }

    /// <summary>Where x-enum-varnames is.</summary>
    public YamlNode? VarNamesNode { get; private set; }

    /// <summary>x-enum-descriptions, when present.</summary>
    public List<(string? Value, YamlNode Node)>? Descriptions { get; private set; }

    /// <summary>Where x-enum-descriptions is.</summary>
    public YamlNode? DescriptionsNode { get; private set; }

    /// <summary>One entry of x-ms-enum's values.</summary>
    internal sealed record MsEnumValue(string Value, YamlNode ValueNode, string? Name, YamlNode? NameNode, string? Description, YamlNode? DescriptionNode);

    /// <summary>Reads the extensions on the property mapping that carries the annotation.</summary>
    public static StandardEnumExtensions Read(DiagnosticCollector diagnostics, YamlMappingNode property, string what)
    {
        var result = new StandardEnumExtensions();
        if (Yaml.TryGetChild(property, "x-ms-enum", out _, out var msEnum))
        {
            result.ReadMsEnum(diagnostics, msEnum, what);
        }

        if (Yaml.TryGetChild(property, "x-enum-varnames", out var varNamesKey, out var varNames))
        {
            result.VarNamesNode = varNamesKey;
            result.VarNames = result.ReadStringList(diagnostics, varNames, "x-enum-varnames next to " + what);
        }

        if (Yaml.TryGetChild(property, "x-enum-descriptions", out var descriptionsKey, out var descriptions))
        {
            result.DescriptionsNode = descriptionsKey;
            result.Descriptions = result.ReadStringList(diagnostics, descriptions, "x-enum-descriptions next to " + what);
        }

        return result;
    }

    /// <summary>The x-ms-enum entry for a wire value, if any.</summary>
    public MsEnumValue? FindMsEnumValue(string wireText, StringComparer comparer) =>
        MsEnumValues.FirstOrDefault(v => comparer.Equals(v.Value, wireText));

    private void ReadMsEnum(DiagnosticCollector diagnostics, YamlNode node, string what)
    {
        var where = "x-ms-enum next to " + what;
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidValue, node, where, "a mapping", Yaml.Describe(node));
            Ok = false;
            return;
        }

        if (Yaml.TryGetChild(mapping, "name", out _, out var nameNode))
        {
            EnumName = ScalarString(diagnostics, nameNode, "'name' of " + where);
            EnumNameNode = nameNode;
        }

        if (!Yaml.TryGetChild(mapping, "values", out _, out var valuesNode))
        {
            return;
        }

        if (valuesNode is not YamlSequenceNode values)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidValue, valuesNode, "'values' of " + where, "a list", Yaml.Describe(valuesNode));
            Ok = false;
            return;
        }

        foreach (var item in values.Children)
        {
            if (item is not YamlMappingNode entry || !Yaml.TryGetChild(entry, "value", out _, out var valueNode) || valueNode is not YamlScalarNode valueScalar)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidValue, item, "an entry of 'values' of " + where, "a mapping with a scalar 'value'", Yaml.Describe(item));
                Ok = false;
                continue;
            }

            string? name = null;
            YamlNode? entryNameNode = null;
            if (Yaml.TryGetChild(entry, "name", out _, out var n))
            {
                name = ScalarString(diagnostics, n, "'name' of an entry of " + where);
                entryNameNode = n;
            }

            string? description = null;
            YamlNode? descriptionNode = null;
            if (Yaml.TryGetChild(entry, "description", out _, out var d))
            {
                description = ScalarString(diagnostics, d, "'description' of an entry of " + where);
                descriptionNode = d;
            }

            MsEnumValues.Add(new MsEnumValue(valueScalar.Value ?? string.Empty, valueNode, name, entryNameNode, description, descriptionNode));
        }
    }

    private List<(string? Value, YamlNode Node)>? ReadStringList(DiagnosticCollector diagnostics, YamlNode node, string what)
    {
        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidValue, node, what, "a list of strings", Yaml.Describe(node));
            Ok = false;
            return null;
        }

        return sequence.Children.Select(child => (ScalarString(diagnostics, child, "an entry of " + what), child)).ToList();
    }

    private string? ScalarString(DiagnosticCollector diagnostics, YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && Yaml.Classify(scalar) == ScalarType.String)
        {
            return scalar.Value;
        }

        diagnostics.Report(DiagnosticDescriptors.InvalidValue, node, what, "a string", Yaml.Describe(node));
        Ok = false;
        return null;
    }
}
