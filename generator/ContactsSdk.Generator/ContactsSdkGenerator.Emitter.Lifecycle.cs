using System.Collections.Generic;
using System.Globalization;
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
            var owner = "global::" + ns + "." + lifecycle.OwnerClassName;
            var state = lifecycle.EnumName;
            var phase = lifecycle.PhaseEnumName;
            var result = lifecycle.ResultName;
            var first = lifecycle.Phases[0];

            // Phase enum
            Summary(w, "The phases of " + lifecycle.OwnerClassName + ", in the order they are checked.");
            w.Line(GeneratedCodeAttribute)
                .Line("public enum " + phase)
                .OpenBlock();
            foreach (var p in lifecycle.Phases)
            {
                Summary(w, p.Description ?? "The " + p.Name + " phase.");
                w.Line("/// <remarks>" + Xml(DescribePhase(p)) + "</remarks>")
                    .Line(p.Name + " = " + p.Value.ToString(CultureInfo.InvariantCulture) + ",");
                if (p.Value != lifecycle.Phases.Count - 1)
                {
                    w.Line();
                }
            }

            w.CloseBlock().Line();

            // State enum
            Summary(w, lifecycle.Description ?? "The overall state of " + lifecycle.OwnerClassName + ".");
            w.Line("/// <remarks>Generated from the x-contacts-lifecycle annotation of <c>" + Xml(lifecycle.OwnerClassName) + "</c>; read it with <see cref=\"" + lifecycle.ExtensionsClassName + "." + lifecycle.AccessorName + "\"/>.</remarks>")
                .Line(GeneratedCodeAttribute)
                .Line("public enum " + state)
                .OpenBlock();
            foreach (var s in lifecycle.States)
            {
                Summary(w, s.Description ?? "The " + s.Name + " state.");
                w.Line("/// <remarks>" + (s.Terminal ? "Terminal" : "Not terminal") + "; outcome " + s.Outcome + ".</remarks>")
                    .Line(s.Name + " = " + s.Value.ToString(CultureInfo.InvariantCulture) + ",");
                if (s.Value != lifecycle.States.Count - 1)
                {
                    w.Line();
                }
            }

            w.CloseBlock().Line();

            // Result struct
            w.Line("/// <summary>The phase and overall state of one <see cref=\"" + owner + "\"/>, as returned by <see cref=\"" + lifecycle.ExtensionsClassName + "." + lifecycle.AccessorName + "\"/>.</summary>")
                .Line(GeneratedCodeAttribute)
                .Line("public readonly struct " + result + " : global::System.IEquatable<" + result + ">")
                .OpenBlock()
                .Line("/// <summary>Creates a value from its phase and state.</summary>")
                .Line("/// <param name=\"phase\">The phase.</param>")
                .Line("/// <param name=\"state\">The overall state.</param>")
                .Line("public " + result + "(" + phase + " phase, " + state + " state)")
                .OpenBlock()
                .Line("Phase = phase;")
                .Line("State = state;")
                .CloseBlock()
                .Line()
                .Line("/// <summary>The phase the response is in.</summary>")
                .Line("public " + phase + " Phase { get; }")
                .Line()
                .Line("/// <summary>The overall state.</summary>")
                .Line("public " + state + " State { get; }")
                .Line()
                .Line("/// <summary>The outcome category of <see cref=\"State\"/>.</summary>")
                .Line("public StatusOutcome Outcome => State.GetOutcome();")
                .Line()
                .Line("/// <summary>Whether no further change is expected (the state is terminal, whatever its outcome).</summary>")
                .Line("public bool IsTerminal => State.IsTerminal();")
                .Line()
                .Line("/// <summary>Whether the operation is fully processed: terminal with the outcome <see cref=\"StatusOutcome.Succeeded\"/>.</summary>")
                .Line("public bool IsFullyProcessed => State.IsTerminal() && State.GetOutcome() == StatusOutcome.Succeeded;")
                .Line()
                .Line("/// <summary>What the state means, as the spec describes it.</summary>")
                .Line("public string Description => State.GetDescription();")
                .Line()
                .Line("/// <inheritdoc/>")
                .Line("public bool Equals(" + result + " other) => Phase == other.Phase && State == other.State;")
                .Line()
                .Line("/// <inheritdoc/>")
                .Line("public override bool Equals(object? obj) => obj is " + result + " other && Equals(other);")
                .Line()
                .Line("/// <inheritdoc/>")
                .Line("public override int GetHashCode() => ((int)Phase * 397) ^ (int)State;")
                .Line()
                .Line("/// <summary>The phase and state, for logs.</summary>")
                .Line("/// <returns>For example <c>" + Xml(first.Name) + "/" + Xml(lifecycle.States[0].Name) + "</c>.</returns>")
                .Line("public override string ToString() => Phase.ToString() + \"/\" + State.ToString();")
                .Line()
                .Line("/// <summary>Value equality.</summary>")
                .Line("/// <param name=\"left\">The first value.</param>")
                .Line("/// <param name=\"right\">The second value.</param>")
                .Line("/// <returns>Whether both have the same phase and state.</returns>")
                .Line("public static bool operator ==(" + result + " left, " + result + " right) => left.Equals(right);")
                .Line()
                .Line("/// <summary>Value inequality.</summary>")
                .Line("/// <param name=\"left\">The first value.</param>")
                .Line("/// <param name=\"right\">The second value.</param>")
                .Line("/// <returns>Whether the phase or the state differ.</returns>")
                .Line("public static bool operator !=(" + result + " left, " + result + " right) => !left.Equals(right);")
                .CloseBlock()
                .Line();

            // Extensions: accessor, per-phase readers and maps, state lookups.
            w.Line("/// <summary>Reads the lifecycle of <see cref=\"" + owner + "\"/> and describes its states; nothing here throws or allocates.</summary>")
                .Line(GeneratedCodeAttribute)
                .Line("public static class " + lifecycle.ExtensionsClassName)
                .OpenBlock();

            w.Line("/// <summary>The phase and overall state of a response.</summary>")
                .Line("/// <remarks>");
            foreach (var p in lifecycle.Phases)
            {
                w.Line("/// " + Xml(p.Name + ": " + DescribePhase(p)) + "<br/>");
            }

            w.Line("/// The phases are checked in this order; when none applies, the first is reported.")
                .Line("/// </remarks>")
                .Line("/// <param name=\"model\">The Kiota model; may be null (read as if every property were missing).</param>")
                .Line("/// <returns>The phase and state.</returns>")
                .Line("public static " + result + " " + lifecycle.AccessorName + "(this " + owner + "? model)")
                .OpenBlock();
            EmitAccessorBody(w, lifecycle);
            w.CloseBlock()
                .Line();

            foreach (var p in lifecycle.Phases)
            {
                EmitPhaseReader(w, owner, ns, p);
                EmitPhaseMap(w, state, p);
            }

            var fallbackState = lifecycle.States[0];
            EmitLookup(w, state, "bool", "IsTerminal", "Whether no further change is expected once this state is reached.", lifecycle.States.Select(s => (s.Name, s.Terminal ? "true" : "false")), fallbackState.Terminal ? "true" : "false");
            EmitLookup(w, state, "StatusOutcome", "GetOutcome", "The outcome category of the state.", lifecycle.States.Select(s => (s.Name, "StatusOutcome." + s.Outcome)), "StatusOutcome." + fallbackState.Outcome);
            EmitLookup(w, state, "string", "GetDescription", "What the state means, as the spec describes it.", lifecycle.States.Select(s => (s.Name, Literal(s.Description ?? s.Name))), Literal(fallbackState.Description ?? fallbackState.Name));
            EmitLookup(w, phase, "string", "GetDescription", "What the phase means, as the spec describes it.", lifecycle.Phases.Select(p => (p.Name, Literal(p.Description ?? p.Name))), Literal(first.Description ?? first.Name), last: true);
            w.CloseBlock();
            return End(w);
        }

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
            var usedNames = new HashSet<string>(System.StringComparer.Ordinal) { "model" };
            foreach (var p in lifecycle.Phases)
            {
                if (!locals.ContainsKey(p.ConditionProperty))
                {
                    var local = LocalName(p.ConditionProperty, usedNames);
                    locals.Add(p.ConditionProperty, local);
                    w.Line("var " + local + " = model?." + p.ConditionProperty + ";");
                }
            }

            w.Line();
            var tested = new List<PhaseModel>();
            foreach (var p in lifecycle.Phases)
            {
                var opposite = tested.FirstOrDefault(t => t.ConditionProperty == p.ConditionProperty && t.WhenPresent != p.WhenPresent);
                if (opposite is not null)
                {
                    w.Line("// " + p.Name + ": " + p.ConditionJsonName + " is " + (p.WhenPresent ? "present" : "absent") + ", since " + opposite.Name + " did not apply.")
                        .Line("return " + PhaseResult(lifecycle, p, locals) + ";");
                    return;
                }

                w.Line("if (" + Condition(p, locals[p.ConditionProperty]) + ")")
                    .OpenBlock()
                    .Line("return " + PhaseResult(lifecycle, p, locals) + ";")
                    .CloseBlock()
                    .Line();
                tested.Add(p);
            }

            w.Line("return " + PhaseResult(lifecycle, lifecycle.Phases[0], locals) + ";");
        }

        private static string PhaseResult(LifecycleModel lifecycle, PhaseModel phase, Dictionary<string, string> locals) =>
            "new " + lifecycle.ResultName + "(" + lifecycle.PhaseEnumName + "." + phase.Name + ", MapPhase" + phase.Name
            + "(ReadPhase" + phase.Name + "Status(" + (ReadsConditionArray(phase) ? locals[phase.ConditionProperty] : "model") + ")))";

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
                unique = name + i.ToString(CultureInfo.InvariantCulture);
            }

            return unique;
        }

        private static string Condition(PhaseModel phase, string local)
        {
            if (phase.ConditionIsArray)
            {
                return phase.WhenPresent
                    ? local + " != null && " + local + ".Count > 0"
                    : local + " == null || " + local + ".Count == 0";
            }

            return local + (phase.WhenPresent ? " != null" : " == null");
        }

        private static void EmitPhaseReader(SourceWriter w, string owner, string ns, PhaseModel phase)
        {
            var statusExtensions = phase.StatusField + "Extensions";
            if (!phase.CrossesArray)
            {
                w.Line(AggressiveInlining)
                    .Line("private static " + phase.StatusField + " ReadPhase" + phase.Name + "Status(" + owner + "? model)")
                    .OpenBlock()
                    .Line("return " + statusExtensions + ".FromWireValue(model?." + string.Join("?.", phase.PathBeforeArray) + ");")
                    .CloseBlock()
                    .Line();
                return;
            }

            // Aggregation over the array: the first non-terminal element's status wins; when all are
            // terminal, the worst outcome (Failed > Cancelled > Succeeded); an empty array is the fallback.
            var element = "?." + string.Join("?.", phase.PathAfterArray);
            if (ReadsConditionArray(phase))
            {
                w.Line("private static " + phase.StatusField + " ReadPhase" + phase.Name + "Status(global::System.Collections.Generic.List<global::" + ns + "." + phase.ArrayElementClassName + ">? items)")
                    .OpenBlock();
            }
            else
            {
                w.Line("private static " + phase.StatusField + " ReadPhase" + phase.Name + "Status(" + owner + "? model)")
                    .OpenBlock()
                    .Line("var items = model?." + string.Join("?.", phase.PathBeforeArray) + ";");
            }

            w.Line("if (items == null || items.Count == 0)")
                .OpenBlock()
                .Line("return default(" + phase.StatusField + ");")
                .CloseBlock()
                .Line()
                .Line("var result = " + statusExtensions + ".FromWireValue(items[0]" + element + ");")
                .Line("if (!result.IsTerminal())")
                .OpenBlock()
                .Line("return result;")
                .CloseBlock()
                .Line()
                .Line("for (var i = 1; i < items.Count; i++)")
                .OpenBlock()
                .Line("var status = " + statusExtensions + ".FromWireValue(items[i]" + element + ");")
                .Line("if (!status.IsTerminal())")
                .OpenBlock()
                .Line("return status;")
                .CloseBlock()
                .Line()
                .Line("if ((int)status.GetOutcome() > (int)result.GetOutcome())")
                .OpenBlock()
                .Line("result = status;")
                .CloseBlock()
                .CloseBlock()
                .Line()
                .Line("return result;")
                .CloseBlock()
                .Line();
        }

        private static void EmitPhaseMap(SourceWriter w, string state, PhaseModel phase)
        {
            w.Line(AggressiveInlining)
                .Line("private static " + state + " MapPhase" + phase.Name + "(" + phase.StatusField + " status)")
                .OpenBlock()
                .Line("switch (status)")
                .OpenBlock();
            foreach (var mapping in phase.Mappings.Skip(1))
            {
                w.Line("case " + phase.StatusField + "." + mapping.StatusMember + ":")
                    .Indent()
                    .Line("return " + state + "." + mapping.State + ";")
                    .Unindent();
            }

            // Mappings are ordered by member value: the first is the fallback (value 0), which also
            // takes any value outside the enum.
            w.Line("default:")
                .Indent()
                .Line("return " + state + "." + phase.Mappings[0].State + ";")
                .Unindent()
                .CloseBlock()
                .CloseBlock()
                .Line();
        }
    }
}
