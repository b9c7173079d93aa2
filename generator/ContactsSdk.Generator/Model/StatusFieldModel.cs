namespace ContactsSdk.Generator.Model;

/// <summary>One property annotated with <c>x-contacts-status</c>, resolved to Kiota's names.</summary>
/// <param name="EnumName">The C# enum to generate.</param>
/// <param name="AccessorName">The extension method on the owner class that returns the enum.</param>
/// <param name="OwnerClassName">The Kiota model class that owns the property.</param>
/// <param name="PropertyName">The Kiota property (C# name).</param>
/// <param name="JsonPath">Where the property is, for documentation (<c>Schema.property</c>).</param>
/// <param name="Kind">String or integer wire values.</param>
/// <param name="CaseSensitive">Whether string values are matched ordinally with case.</param>
/// <param name="Description">The enum's documentation.</param>
/// <param name="Members">The members; the fallback has value 0.</param>
internal sealed record StatusFieldModel(
    string EnumName,
    string AccessorName,
    string OwnerClassName,
    string PropertyName,
    string JsonPath,
    WireKind Kind,
    bool CaseSensitive,
    string? Description,
    EquatableArray<StatusMemberModel> Members)
{
    /// <summary>The static class holding the parse and lookup methods and the accessor.</summary>
    public string ExtensionsClassName => EnumName + "Extensions";
}

/// <summary>One member of a status enum.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="Value">The numeric value (0 for the fallback).</param>
/// <param name="WireText">The wire value as text (a string value, or an integer in invariant digits).</param>
/// <param name="WireInteger">The integer wire value (integer fields only).</param>
/// <param name="Description">The member's documentation.</param>
/// <param name="Terminal">Whether no further change is expected.</param>
/// <param name="Outcome">The outcome category.</param>
/// <param name="IsFallback">Whether every unlisted or missing value maps here.</param>
internal sealed record StatusMemberModel(
    string Name,
    int Value,
    string WireText,
    long WireInteger,
    string? Description,
    bool Terminal,
    OutcomeKind Outcome,
    bool IsFallback);
