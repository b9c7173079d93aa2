using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace ContactsSdk.Generator;

public sealed partial class ContactsSdkGenerator
{
    /// <summary>The x-contacts-lifecycle annotation: the phase and state enums, the result struct and the accessor.</summary>
    internal static partial class Emitter
    {
        private static string EmitLifecycle(string ns, LifecycleModel lifecycle)
        {
            var w = Begin(ns, "the x-contacts-lifecycle annotation of " + lifecycle.OwnerClassName);
            EmitPhaseEnum(w, lifecycle);
            w.WriteLine();
            EmitStateEnum(w, lifecycle);
            w.WriteLine();
            EmitResultStruct(w, ns, lifecycle);
            w.WriteLine();
            EmitLifecycleExtensions(w, ns, lifecycle);
            return End(w);
        }

        private static void EmitPhaseEnum(SourceWriter w, LifecycleModel lifecycle)
        {
            Summary(w, "The phases of " + lifecycle.OwnerClassName + ", in the order they are checked.");
            w.WriteLine($$"""
                {{GeneratedCodeAttribute}}
                public enum {{lifecycle.PhaseEnumName}}
                """);
            w.OpenBlock();
            foreach (var p in lifecycle.Phases)
            {
                Summary(w, p.Description ?? "The " + p.Name + " phase.");
                w.WriteLine($$"""
                    /// <remarks>{{Xml(DescribePhase(p))}}</remarks>
                    {{p.Name}} = {{Number(p.Value)}},
                    """);
                if (p.Value != lifecycle.Phases.Count - 1)
                {
                    w.WriteLine();
                }
            }

            w.CloseBlock();
        }

        private static void EmitStateEnum(SourceWriter w, LifecycleModel lifecycle)
        {
            Summary(w, lifecycle.Description ?? "The overall state of " + lifecycle.OwnerClassName + ".");
            w.WriteLine($$"""
                /// <remarks>Generated from the x-contacts-lifecycle annotation of <c>{{Xml(lifecycle.OwnerClassName)}}</c>; read it with <see cref="{{lifecycle.ExtensionsClassName}}.{{lifecycle.AccessorName}}"/>.</remarks>
                {{GeneratedCodeAttribute}}
                public enum {{lifecycle.EnumName}}
                """);
            w.OpenBlock();
            foreach (var s in lifecycle.States)
            {
                Summary(w, s.Description ?? "The " + s.Name + " state.");
                w.WriteLine($$"""
                    /// <remarks>{{(s.Terminal ? "Terminal" : "Not terminal")}}; outcome {{s.Outcome}}.</remarks>
                    {{s.Name}} = {{Number(s.Value)}},
                    """);
                if (s.Value != lifecycle.States.Count - 1)
                {
                    w.WriteLine();
                }
            }

            w.CloseBlock();
        }

        private static void EmitResultStruct(SourceWriter w, string ns, LifecycleModel lifecycle)
        {
            var result = lifecycle.ResultName;
            var phase = lifecycle.PhaseEnumName;
            var state = lifecycle.EnumName;
            var wireType = WireValueType(lifecycle);
            w.WriteLine($$"""
                /// <summary>The phase and overall state of one <see cref="{{LifecycleOwner(ns, lifecycle)}}"/>, as returned by <see cref="{{lifecycle.ExtensionsClassName}}.{{lifecycle.AccessorName}}"/>.</summary>
                {{GeneratedCodeAttribute}}
                public readonly struct {{result}} : global::System.IEquatable<{{result}}>
                {
                    /// <summary>Creates a value from its phase, its state and the wire value that decided it.</summary>
                    /// <param name="phase">The phase.</param>
                    /// <param name="state">The overall state.</param>
                    /// <param name="wireValue">The raw wire value the state was read from; null when it was missing.</param>
                    public {{result}}({{phase}} phase, {{state}} state, {{wireType}} wireValue = null)
                    {
                        Phase = phase;
                        State = state;
                        WireValue = wireValue;
                    }

                    /// <summary>The phase the response is in.</summary>
                    public {{phase}} Phase { get; }

                    /// <summary>The overall state.</summary>
                    public {{state}} State { get; }

                    /// <summary>
                    /// The raw wire value that decided <see cref="State"/>, as received (null when it was missing):
                    /// the phase's status field, or, for a phase read from an array, the element that decided it
                    /// (the first one still in progress, else the one with the worst outcome). For logs and
                    /// records; equality compares the phase and the state only.
                    /// </summary>
                    public {{wireType}} WireValue { get; }

                    /// <summary>The outcome category of <see cref="State"/>.</summary>
                    public StatusOutcome Outcome => State.GetOutcome();

                    /// <summary>Whether no further change is expected (the state is terminal, whatever its outcome).</summary>
                    public bool IsTerminal => State.IsTerminal();

                    /// <summary>Whether the operation is fully processed: terminal with the outcome <see cref="StatusOutcome.Succeeded"/>.</summary>
                    public bool IsFullyProcessed => State.IsTerminal() && State.GetOutcome() == StatusOutcome.Succeeded;

                    /// <summary>What the state means, as the spec describes it.</summary>
                    public string Description => State.GetDescription();

                    /// <inheritdoc/>
                    public bool Equals({{result}} other) => Phase == other.Phase && State == other.State;

                    /// <inheritdoc/>
                    public override bool Equals(object? obj) => obj is {{result}} other && Equals(other);

                    /// <inheritdoc/>
                    public override int GetHashCode() => ((int)Phase * 397) ^ (int)State;

                    /// <summary>The phase and state, for logs.</summary>
                    /// <returns>For example <c>{{Xml(lifecycle.Phases[0].Name)}}/{{Xml(lifecycle.States[0].Name)}}</c>.</returns>
                    public override string ToString() => Phase.ToString() + "/" + State.ToString();

                    /// <summary>Value equality.</summary>
                    /// <param name="left">The first value.</param>
                    /// <param name="right">The second value.</param>
                    /// <returns>Whether both have the same phase and state.</returns>
                    public static bool operator ==({{result}} left, {{result}} right) => left.Equals(right);

                    /// <summary>Value inequality.</summary>
                    /// <param name="left">The first value.</param>
                    /// <param name="right">The second value.</param>
                    /// <returns>Whether the phase or the state differ.</returns>
                    public static bool operator !=({{result}} left, {{result}} right) => !left.Equals(right);
                }
                """);
        }

        /// <summary>The extensions class: accessor, per-phase readers and maps, state lookups.</summary>
        private static void EmitLifecycleExtensions(SourceWriter w, string ns, LifecycleModel lifecycle)
        {
            var owner = LifecycleOwner(ns, lifecycle);
            w.WriteLine($$"""
                /// <summary>Reads the lifecycle of <see cref="{{owner}}"/> and describes its states; nothing here throws or allocates.</summary>
                {{GeneratedCodeAttribute}}
                public static class {{lifecycle.ExtensionsClassName}}
                """);
            w.OpenBlock();
            w.WriteLine("""
                /// <summary>The phase and overall state of a response.</summary>
                /// <remarks>
                """);
            foreach (var p in lifecycle.Phases)
            {
                w.WriteLine("/// " + Xml(p.Name + ": " + DescribePhase(p)) + "<br/>");
            }

            w.WriteLine($$"""
                /// The phases are checked in this order; when none applies, the first is reported.
                /// </remarks>
                /// <param name="model">The Kiota model; may be null (read as if every property were missing).</param>
                /// <returns>The phase and state.</returns>
                public static {{lifecycle.ResultName}} {{lifecycle.AccessorName}}(this {{owner}}? model)
                """);
            w.OpenBlock();
            EmitAccessorBody(w, lifecycle);
            w.CloseBlock();
            w.WriteLine();

            foreach (var p in lifecycle.Phases)
            {
                EmitPhaseReader(w, owner, ns, lifecycle, p);
                EmitPhaseMap(w, lifecycle.EnumName, p);
            }

            var state = lifecycle.EnumName;
            var fallbackState = lifecycle.States[0];
            var first = lifecycle.Phases[0];
            EmitLookup(w, state, "bool", "IsTerminal", "Whether no further change is expected once this state is reached.", lifecycle.States.Select(s => (s.Name, Bool(s.Terminal))), Bool(fallbackState.Terminal));
            EmitLookup(w, state, "StatusOutcome", "GetOutcome", "The outcome category of the state.", lifecycle.States.Select(s => (s.Name, "StatusOutcome." + s.Outcome)), "StatusOutcome." + fallbackState.Outcome);
            EmitLookup(w, state, "string", "GetDescription", "What the state means, as the spec describes it.", lifecycle.States.Select(s => (s.Name, Literal(s.Description ?? s.Name))), Literal(fallbackState.Description ?? fallbackState.Name));
            EmitLookup(w, lifecycle.PhaseEnumName, "string", "GetDescription", "What the phase means, as the spec describes it.", lifecycle.Phases.Select(p => (p.Name, Literal(p.Description ?? p.Name))), Literal(first.Description ?? first.Name), last: true);
            w.CloseBlock();
        }

        private static string LifecycleOwner(string ns, LifecycleModel lifecycle) => "global::" + ns + "." + lifecycle.OwnerClassName;

        private static string DescribePhase(PhaseModel phase) =>
            "while " + phase.ConditionJsonName + " is " + (phase.WhenPresent ? "present" : "absent")
            + (phase.ConditionIsArray ? (phase.WhenPresent ? " (non-empty)" : " (null or empty)") : string.Empty)
            + "; status from " + phase.StatusPath + ".";

        /// <summary>
        /// The accessor's body, written as the same rules would be by hand: each property that
        /// decides a phase is read once into a local; a phase whose condition is the opposite of an
        /// earlier phase's is taken without a test (that earlier test failed), which also makes the
        /// "none applies" return unreachable, so it is left out; an array phase's reader gets the
        /// array already read.
        /// </summary>
        private static void EmitAccessorBody(SourceWriter w, LifecycleModel lifecycle)
        {
            var locals = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var usedNames = new HashSet<string>(System.StringComparer.Ordinal) { "model", "wireValue" };
            foreach (var p in lifecycle.Phases.Where(p => !locals.ContainsKey(p.ConditionProperty)))
            {
                var local = LocalName(p.ConditionProperty, usedNames);
                locals.Add(p.ConditionProperty, local);
                w.WriteLine($"var {local} = model?.{p.ConditionProperty};");
            }

            w.WriteLine($"{WireValueType(lifecycle)} wireValue;");
            w.WriteLine();
            var tested = new List<PhaseModel>();
            foreach (var p in lifecycle.Phases)
            {
                var opposite = tested.FirstOrDefault(t => t.ConditionProperty == p.ConditionProperty && t.WhenPresent != p.WhenPresent);
                if (opposite is not null)
                {
                    w.WriteLine($$"""
                        // {{p.Name}}: {{p.ConditionJsonName}} is {{(p.WhenPresent ? "present" : "absent")}}, since {{opposite.Name}} did not apply.
                        return {{PhaseResult(lifecycle, p, locals)}};
                        """);
                    return;
                }

                w.WriteLine($$"""
                    if ({{Condition(p, locals[p.ConditionProperty])}})
                    {
                        return {{PhaseResult(lifecycle, p, locals)}};
                    }

                    """);
                tested.Add(p);
            }

            w.WriteLine($"return {PhaseResult(lifecycle, lifecycle.Phases[0], locals)};");
        }

        // Arguments are evaluated left to right: the reader has set wireValue before it is passed on.
        private static string PhaseResult(LifecycleModel lifecycle, PhaseModel phase, Dictionary<string, string> locals) =>
            $"new {lifecycle.ResultName}({lifecycle.PhaseEnumName}.{phase.Name}, MapPhase{phase.Name}(ReadPhase{phase.Name}Status({(ReadsConditionArray(phase) ? locals[phase.ConditionProperty] : "model")}, out wireValue)), wireValue)";

        /// <summary>The C# type of the result's deciding wire value.</summary>
        private static string WireValueType(LifecycleModel lifecycle) => lifecycle.WireValueKind == WireKind.Integer ? "long?" : "string?";

        /// <summary>A raw value of the phase's field as the result's wire value: integers of a mixed lifecycle in invariant digits.</summary>
        private static string AsWireValue(LifecycleModel lifecycle, PhaseModel phase, string raw) =>
            phase.StatusKind == WireKind.Integer && lifecycle.WireValueKind == WireKind.String
                ? raw + "?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"
                : raw;

        /// <summary>Whether the phase's status path crosses the very array its condition reads (the usual shape).</summary>
        private static bool ReadsConditionArray(PhaseModel phase) =>
            phase.CrossesArray
            && phase.PathBeforeArray.Count == 1
            && phase.PathBeforeArray[0] == phase.ConditionProperty;

        /// <summary>A local variable name for a property: camel case, never a keyword or a name already taken.</summary>
        private static string LocalName(string property, HashSet<string> usedNames)
        {
            var name = char.ToLowerInvariant(property[0]) + property.Substring(1);
            if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None)
            {
                name += "Value";
            }

            var unique = name;
            for (var i = 2; !usedNames.Add(unique); i++)
            {
                unique = name + Number(i);
            }

            return unique;
        }

        private static string Condition(PhaseModel phase, string local)
        {
            if (phase.ConditionIsArray)
            {
                return phase.WhenPresent
                    ? $"{local} != null && {local}.Count > 0"
                    : $"{local} == null || {local}.Count == 0";
            }

            return local + (phase.WhenPresent ? " != null" : " == null");
        }

        private static void EmitPhaseReader(SourceWriter w, string owner, string ns, LifecycleModel lifecycle, PhaseModel phase)
        {
            var status = phase.StatusField;
            var statusExtensions = status + "Extensions";
            var wireType = WireValueType(lifecycle);
            if (!phase.CrossesArray)
            {
                w.WriteLine($$"""
                    {{AggressiveInlining}}
                    private static {{status}} ReadPhase{{phase.Name}}Status({{owner}}? model, out {{wireType}} wireValue)
                    {
                        var value = model?.{{string.Join("?.", phase.PathBeforeArray)}};
                        wireValue = {{AsWireValue(lifecycle, phase, "value")}};
                        return {{statusExtensions}}.FromWireValue(value);
                    }

                    """);
                return;
            }

            // Aggregation over the array: the first non-terminal element's status wins; when all are
            // terminal, the worst outcome (Failed > Cancelled > Succeeded); an empty array is the fallback.
            // The element that decides also gives the wire value.
            var element = "?." + string.Join("?.", phase.PathAfterArray);
            if (ReadsConditionArray(phase))
            {
                w.WriteLine($"private static {status} ReadPhase{phase.Name}Status(global::System.Collections.Generic.List<global::{ns}.{phase.ArrayElementClassName}>? items, out {wireType} wireValue)");
                w.OpenBlock();
            }
            else
            {
                w.WriteLine($"private static {status} ReadPhase{phase.Name}Status({owner}? model, out {wireType} wireValue)");
                w.OpenBlock();
                w.WriteLine($"var items = model?.{string.Join("?.", phase.PathBeforeArray)};");
            }

            w.WriteLine($$"""
                if (items == null || items.Count == 0)
                {
                    wireValue = null;
                    return default({{status}});
                }

                var deciding = items[0]{{element}};
                var result = {{statusExtensions}}.FromWireValue(deciding);
                if (!result.IsPhaseOver())
                {
                    wireValue = {{AsWireValue(lifecycle, phase, "deciding")}};
                    return result;
                }

                for (var i = 1; i < items.Count; i++)
                {
                    var value = items[i]{{element}};
                    var status = {{statusExtensions}}.FromWireValue(value);
                    if (!status.IsPhaseOver())
                    {
                        wireValue = {{AsWireValue(lifecycle, phase, "value")}};
                        return status;
                    }

                    if ((int)status.GetOutcome() > (int)result.GetOutcome())
                    {
                        result = status;
                        deciding = value;
                    }
                }

                wireValue = {{AsWireValue(lifecycle, phase, "deciding")}};
                return result;
                """);
            w.CloseBlock();
            w.WriteLine();
        }

        private static void EmitPhaseMap(SourceWriter w, string state, PhaseModel phase)
        {
            w.WriteLine($$"""
                {{AggressiveInlining}}
                private static {{state}} MapPhase{{phase.Name}}({{phase.StatusField}} status)
                {
                    switch (status)
                    {
                """);
            w.Indent().Indent();
            foreach (var mapping in phase.Mappings.Skip(1))
            {
                w.WriteLine($$"""
                    case {{phase.StatusField}}.{{mapping.StatusMember}}:
                        return {{state}}.{{mapping.State}};
                    """);
            }

            // Mappings are ordered by member value: the first is the fallback (value 0), which also
            // takes any value outside the enum.
            w.WriteLine($$"""
                default:
                    return {{state}}.{{phase.Mappings[0].State}};
                """);
            w.CloseBlock().CloseBlock();
            w.WriteLine();
        }
    }
}
