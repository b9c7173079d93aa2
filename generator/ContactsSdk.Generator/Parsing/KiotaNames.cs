using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ContactsSdk.Generator.Parsing;

/// <summary>
/// The names Kiota gives to model classes and properties, and the names the vocabulary derives
/// from wire values. Kept in one place so that a change of Kiota's rules is one edit.
/// </summary>
internal static class KiotaNames
{
    // Kiota renames properties of error types (which derive from System.Exception) that would hide
    // an Exception member, by appending "Escaped" (message -> MessageEscaped).
    private static readonly HashSet<string> s_exceptionMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Data", "HelpLink", "HResult", "InnerException", "Message", "Source", "StackTrace", "TargetSite",
    };

    /// <summary>Kiota's class name for a component schema: symbols (also <c>_</c> and <c>-</c>) dropped, each word capitalised.</summary>
    public static string ClassName(string schemaName) => Pascalize(schemaName);

    /// <summary>Kiota's property name: symbols dropped, first letter upper-cased (eID becomes EID).</summary>
    public static string PropertyName(string jsonName, bool onErrorType)
    {
        var name = Pascalize(jsonName);
        return onErrorType && s_exceptionMembers.Contains(name) ? name + "Escaped" : name;
    }

    /// <summary>
    /// The member name derived from a string wire value: the words (runs of letters and digits)
    /// capitalised and joined; <c>Value</c> is prefixed when the result would start with a digit.
    /// Returns an empty string when the value has no letter or digit.
    /// </summary>
    public static string MemberNameFromString(string value)
    {
        var name = Pascalize(value);
        return name.Length > 0 && char.IsDigit(name[0]) ? "Value" + name : name;
    }

    /// <summary>The member name derived from an integer wire value: <c>Value5</c>, <c>ValueMinus1</c>.</summary>
    public static string MemberNameFromInteger(long value) =>
        value < 0
            ? "ValueMinus" + value.ToString(System.Globalization.CultureInfo.InvariantCulture).Substring(1)
            : "Value" + value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="name"/> can be used as a C# identifier as it is (no keyword, no @).</summary>
    public static bool IsValidIdentifier(string name) =>
        name.Length > 0
        && name != "value__"
        && SyntaxFacts.IsValidIdentifier(name)
        && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.GlobalKeyword;

    private static string Pascalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var upperNext = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        return builder.ToString();
    }
}
