using System;
using System.Globalization;
using System.Text.RegularExpressions;
using ContactsSdk.Generator.Model;
using SharpYaml;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator.Parsing;

/// <summary>The type a YAML scalar resolves to (YAML 1.2 core schema; quoted scalars are strings).</summary>
internal enum ScalarType
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
}

/// <summary>Helpers over SharpYaml's node tree: scalar typing, descriptions and positions.</summary>
internal static class Yaml
{
    private static readonly Regex s_integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_float = new(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant);

    /// <summary>Resolves the type of a scalar as a YAML 1.2 core-schema reader would.</summary>
    public static ScalarType Classify(YamlScalarNode scalar)
    {
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return ScalarType.String;
        }

        var tag = scalar.Tag;
        if (tag is "!!str" or "tag:yaml.org,2002:str")
        {
            return ScalarType.String;
        }

        var value = scalar.Value ?? string.Empty;
        switch (value)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return ScalarType.Null;
            case "true":
            case "True":
            case "TRUE":
            case "false":
            case "False":
            case "FALSE":
                return ScalarType.Boolean;
        }

        if (s_integer.IsMatch(value))
        {
            return ScalarType.Integer;
        }

        return s_float.IsMatch(value) ? ScalarType.Float : ScalarType.String;
    }

    /// <summary>Parses an integer scalar; false when it does not fit a long.</summary>
    public static bool TryGetInteger(YamlScalarNode scalar, out long value) =>
        long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Says what a node is, for messages ("a list", "the integer 5").</summary>
    public static string Describe(YamlNode? node)
    {
        switch (node)
        {
            case null:
                return "missing";
            case YamlMappingNode:
                return "a mapping";
            case YamlSequenceNode:
                return "a list";
            case YamlScalarNode scalar:
                var text = Shorten(scalar.Value ?? string.Empty);
                return Classify(scalar) switch
                {
                    ScalarType.Null => "null",
                    ScalarType.Boolean => "the boolean " + text,
                    ScalarType.Integer => "the integer " + text,
                    ScalarType.Float => "the number " + text,
                    _ => "the string '" + text + "'",
                };
            default:
                return "a YAML node";
        }
    }

    /// <summary>The location of a node in the spec file.</summary>
    public static LocationInfo Locate(string path, string text, YamlNode node) => Locate(path, text, node.Start, node.End);

    /// <summary>The location between two marks, clamped to the text.</summary>
    public static LocationInfo Locate(string path, string text, Mark start, Mark end)
    {
        var startIndex = Clamp(start.Index, 0, text.Length);
        var endIndex = Clamp(end.Index, startIndex, text.Length);
        var startLine = Math.Max(0, start.Line);
        var startColumn = Math.Max(0, start.Column);
        var endLine = end.Line;
        var endColumn = end.Column;
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn))
        {
            endLine = startLine;
            endColumn = startColumn;
        }

        return new LocationInfo(path, startIndex, endIndex - startIndex, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>Finds a key of a mapping by its exact text.</summary>
    public static bool TryGetChild(YamlMappingNode mapping, string name, out YamlNode key, out YamlNode value)
    {
        foreach (var child in mapping.Children)
        {
            if (child.Key is YamlScalarNode scalar && scalar.Value == name)
            {
                key = child.Key;
                value = child.Value;
                return true;
            }
        }

        key = null!;
        value = null!;
        return false;
    }

    /// <summary>The very start of the file, for problems that have no better place.</summary>
    public static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
