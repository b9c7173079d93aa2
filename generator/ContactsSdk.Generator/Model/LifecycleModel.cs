using System.Linq;

namespace ContactsSdk.Generator.Model;

/// <summary>A schema annotated with <c>x-contacts-lifecycle</c>, resolved to Kiota's names.</summary>
/// <param name="EnumName">The state enum.</param>
/// <param name="PhaseEnumName">The phase enum.</param>
/// <param name="ResultName">The readonly struct the accessor returns.</param>
/// <param name="AccessorName">The extension method on the owner class.</param>
/// <param name="OwnerClassName">The Kiota model class of the annotated schema.</param>
/// <param name="Description">Documentation of the state enum.</param>
/// <param name="States">The overall states.</param>
/// <param name="Phases">The phases, in evaluation order.</param>
internal sealed record LifecycleModel(
    string EnumName,
    string PhaseEnumName,
    string ResultName,
    string AccessorName,
    string OwnerClassName,
    string? Description,
    EquatableArray<LifecycleStateModel> States,
    EquatableArray<PhaseModel> Phases)
{
    /// <summary>The static class holding the state lookups and the accessor.</summary>
    public string ExtensionsClassName => EnumName + "Extensions";

    /// <summary>
    /// The kind of the deciding wire value the result carries: integer when every phase reads an
    /// integer field, else string (an integer value of a mixed lifecycle is written in invariant digits).
    /// </summary>
    public WireKind WireValueKind => Phases.All(p => p.StatusKind == WireKind.Integer) ? WireKind.Integer : WireKind.String;
}

/// <summary>One overall state of a lifecycle.</summary>
internal sealed record LifecycleStateModel(string Name, int Value, string? Description, bool Terminal, OutcomeKind Outcome);

/// <summary>One phase of a lifecycle.</summary>
/// <param name="Name">The phase enum member.</param>
/// <param name="Value">Its numeric value (declaration order).</param>
/// <param name="Description">Its documentation.</param>
/// <param name="ConditionProperty">The C# property of the owner that decides the phase.</param>
/// <param name="ConditionJsonName">The same property's JSON name, for documentation.</param>
/// <param name="ConditionIsArray">Whether that property is an array (present = non-null and non-empty).</param>
/// <param name="WhenPresent">True for <c>present</c>, false for <c>absent</c>.</param>
/// <param name="StatusField">The enum name of the annotated status field that gives the phase's status.</param>
/// <param name="StatusKind">Whether that field's wire values are strings or integers.</param>
/// <param name="PathBeforeArray">C# property chain from the owner (to the array when the path crosses one).</param>
/// <param name="ArrayElementClassName">The Kiota model class of the array's elements, when the path crosses one (else empty).</param>
/// <param name="PathAfterArray">C# property chain from an array element to the status property.</param>
/// <param name="StatusPath">The dotted JSON path, for documentation.</param>
/// <param name="Mappings">Status member to lifecycle state, one per member of the status enum.</param>
internal sealed record PhaseModel(
    string Name,
    int Value,
    string? Description,
    string ConditionProperty,
    string ConditionJsonName,
    bool ConditionIsArray,
    bool WhenPresent,
    string StatusField,
    WireKind StatusKind,
    EquatableArray<string> PathBeforeArray,
    string ArrayElementClassName,
    EquatableArray<string> PathAfterArray,
    string StatusPath,
    EquatableArray<StateMappingModel> Mappings)
{
    /// <summary>Whether the status path crosses an array.</summary>
    public bool CrossesArray => ArrayElementClassName.Length > 0;
}

/// <summary>Maps one status member to a lifecycle state.</summary>
internal sealed record StateMappingModel(string StatusMember, string State);
