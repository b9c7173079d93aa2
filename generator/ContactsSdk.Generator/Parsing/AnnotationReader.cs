using System;
using System.Collections.Generic;
using System.Globalization;
using ContactsSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator.Parsing;

/// <summary>
/// Typed readers of one annotation's values. Each reports a located diagnostic for a value of the
/// wrong kind; <see cref="Failed"/> remembers whether a problem that drops the annotation was seen.
/// One reader per annotation, so its steps share that verdict without passing a flag around.
/// </summary>
internal sealed class AnnotationReader
{
    private static readonly string[] s_outcomes = { "inProgress", "succeeded", "cancelled", "failed" };

    public AnnotationReader(DiagnosticCollector diagnostics)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Where problems are reported.</summary>
    public DiagnosticCollector Diagnostics { get; }

    /// <summary>
    /// Whether a problem that drops the annotation was seen. An unknown key alone does not set it
    /// (so that the checks after it still report), but the error count still drops the annotation.
    /// </summary>
    public bool Failed { get; private set; }

    /// <summary>Marks the annotation as failed after a problem the caller reported or a step found.</summary>
    public void Fail() => Failed = true;

    /// <summary>Reports a problem and marks the annotation as failed.</summary>
    public void Fail(DiagnosticDescriptor descriptor, YamlNode node, params string[] arguments)
    {
        Diagnostics.Report(descriptor, node, arguments);
        Failed = true;
    }

    /// <summary>
    /// A mapping with known keys: a value of another kind is reported (at itself when it is a
    /// scalar, else at <paramref name="locationIfWrong"/>), an unknown key is reported and skipped.
    /// </summary>
    public AnnotationMap? ReadMapping(YamlNode node, string what, string[] knownKeys, YamlNode locationIfWrong)
    {
        if (node is not YamlMappingNode mapping)
        {
            Diagnostics.Report(DiagnosticDescriptors.InvalidValue, node is YamlScalarNode ? node : locationIfWrong, what, "a mapping", Yaml.Describe(node));
            return null;
        }

        var result = new AnnotationMap(StringComparer.Ordinal);
        foreach (var child in mapping.Children)
        {
            if (child.Key is not YamlScalarNode key || key.Value is null || Yaml.Classify(key) == ScalarType.Null)
            {
                Diagnostics.Report(DiagnosticDescriptors.InvalidValue, child.Key, "a key of " + what, "a plain name", Yaml.Describe(child.Key));
                continue;
            }

            if (Array.IndexOf(knownKeys, key.Value) < 0)
            {
                Diagnostics.Report(DiagnosticDescriptors.UnknownKey, key, key.Value, what, string.Join(", ", knownKeys));
                continue;
            }

            result[key.Value] = (key, child.Value);
        }

        return result;
    }

    /// <summary>A string scalar, or null (reported, failed).</summary>
    public string? StringValue(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && Yaml.Classify(scalar) == ScalarType.String)
        {
            return scalar.Value;
        }

        Fail(DiagnosticDescriptors.InvalidValue, node, what, "a string", Yaml.Describe(node));
        return null;
    }

    /// <summary>
    /// A required non-empty list: a missing key is reported at <paramref name="ownerNode"/>, any
    /// other value at itself. The caller decides what a missing list means for the annotation.
    /// </summary>
    public YamlSequenceNode? RequiredList(AnnotationMap map, string key, string what, YamlNode ownerNode)
    {
        if (!map.TryGetValue(key, out var entry))
        {
            Diagnostics.Report(DiagnosticDescriptors.MissingKey, ownerNode, what, key);
            return null;
        }

        if (entry.Value is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Diagnostics.Report(DiagnosticDescriptors.InvalidValue, entry.Value, "'" + key + "' of " + what, "a non-empty list", Yaml.Describe(entry.Value));
            return null;
        }

        return list;
    }

    /// <summary>An optional string: null when the key is absent or its value is not a string (reported).</summary>
    public string? OptionalString(AnnotationMap map, string key, string what) =>
        map.TryGetValue(key, out var entry) ? StringValue(entry.Value, "'" + key + "' of " + what) : null;

    /// <summary>An optional boolean: null when the key is absent or its value is not a boolean (reported).</summary>
    public bool? OptionalBool(AnnotationMap map, string key, string what)
    {
        if (!map.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is YamlScalarNode scalar && Yaml.Classify(scalar) == ScalarType.Boolean)
        {
            return string.Equals(scalar.Value, "true", StringComparison.OrdinalIgnoreCase);
        }

        Fail(DiagnosticDescriptors.InvalidValue, entry.Value, "'" + key + "' of " + what, "true or false", Yaml.Describe(entry.Value));
        return null;
    }

    /// <summary>The optional <c>outcome</c> key: in progress when absent or wrong (reported).</summary>
    public OutcomeKind OptionalOutcome(AnnotationMap map, string what)
    {
        if (!map.TryGetValue("outcome", out var entry))
        {
            return OutcomeKind.InProgress;
        }

        if (entry.Value is YamlScalarNode scalar && Yaml.Classify(scalar) == ScalarType.String)
        {
            var position = Array.FindIndex(s_outcomes, o => string.Equals(o, scalar.Value, StringComparison.OrdinalIgnoreCase));
            if (position >= 0)
            {
                return (OutcomeKind)position;
            }
        }

        Fail(DiagnosticDescriptors.InvalidValue, entry.Value, "'outcome' of " + what, "one of " + string.Join(", ", s_outcomes), Yaml.Describe(entry.Value));
        return OutcomeKind.InProgress;
    }

    /// <summary>A required C# identifier: a missing key is reported at <paramref name="ownerNode"/>.</summary>
    public string? RequiredIdentifier(AnnotationMap map, string key, string what, YamlNode ownerNode)
    {
        if (!map.ContainsKey(key))
        {
            Fail(DiagnosticDescriptors.MissingKey, ownerNode, what, key);
            return null;
        }

        return OptionalIdentifier(map, key, what);
    }

    /// <summary>An optional C# identifier: null when absent, not a string or not an identifier (reported).</summary>
    public string? OptionalIdentifier(AnnotationMap map, string key, string what)
    {
        var value = OptionalString(map, key, what);
        if (value is not null && !CheckIdentifier(value, "'" + key + "' of " + what, map[key].Value))
        {
            Fail();
            return null;
        }

        return value;
    }

    /// <summary>Whether a name can be a C# identifier as it is; reports it when not (the caller decides what that drops).</summary>
    public bool CheckIdentifier(string name, string what, YamlNode node)
    {
        if (KiotaNames.IsValidIdentifier(name))
        {
            return true;
        }

        Diagnostics.Report(DiagnosticDescriptors.InvalidIdentifier, node, name, what);
        return false;
    }

    /// <summary>A wire value of the field's kind, as text (and as an integer for integer fields); reports a value of the wrong kind.</summary>
    public bool TryReadWireValue(YamlNode node, WireKind kind, string what, out string text, out long integer)
    {
        text = string.Empty;
        integer = 0;
        if (node is not YamlScalarNode scalar)
        {
            Diagnostics.Report(DiagnosticDescriptors.InvalidValue, node, what, kind == WireKind.String ? "a string" : "an integer", Yaml.Describe(node));
            return false;
        }

        var type = Yaml.Classify(scalar);
        if (kind == WireKind.String)
        {
            if (type != ScalarType.String)
            {
                Diagnostics.Report(DiagnosticDescriptors.InvalidValue, node, what, "a string (the property is type: string; quote it)", Yaml.Describe(node));
                return false;
            }

            text = scalar.Value ?? string.Empty;
            return true;
        }

        if (type != ScalarType.Integer || !Yaml.TryGetInteger(scalar, out integer))
        {
            Diagnostics.Report(DiagnosticDescriptors.InvalidValue, node, what, "an integer (the property is type: integer)", Yaml.Describe(node));
            return false;
        }

        text = integer.ToString(CultureInfo.InvariantCulture);
        return true;
    }
}

/// <summary>The known keys of an annotation mapping, each with its key node (for locations) and value node.</summary>
internal sealed class AnnotationMap : Dictionary<string, (YamlScalarNode Key, YamlNode Value)>
{
    public AnnotationMap(IEqualityComparer<string> comparer)
        : base(comparer)
    {
    }
}
