using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactsSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContactsSdk.Generator;

public sealed partial class ContactsSdkGenerator
{
    /// <summary>
    /// Generation model to C# text. Pure and deterministic: the same model always gives the same
    /// text, whatever the machine's culture. The generated interpretation never allocates: parsing
    /// compares the raw value in place, lookups are switches over constants, and the lifecycle
    /// accessor returns a readonly struct.
    /// </summary>
    internal static class Emitter
    {
        /// <summary>The version written into [GeneratedCode]; bump it when the emitted shape changes.</summary>
        public const string GeneratorVersion = "1.0.0";

        private const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"ContactsSdk.Generator\", \"" + GeneratorVersion + "\")]";

        // Small private helpers of the lifecycle accessor: inlined, the accessor costs what the same
        // logic written in one method by hand would.
        private const string AggressiveInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

        /// <summary>Adds every generated file to the compilation.</summary>
        public static void Emit(SourceProductionContext context, GenerationModel model)
        {
            var files = EmitFiles(model, out var namespaceMissing);
            if (namespaceMissing)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingNamespace, Location.None));
            }

            foreach (var file in files)
            {
                context.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
            }
        }

        /// <summary>The generated files (hint name and text), for the generator and for baseline tests.</summary>
        public static IReadOnlyList<(string HintName, string Text)> EmitFiles(GenerationModel model, out bool namespaceMissing)
        {
            var files = new List<(string HintName, string Text)>();
            namespaceMissing = false;
            if (model.Specs.All(s => s.IsEmpty))
            {
                return files;
            }

            if (model.Namespace is null)
            {
                namespaceMissing = true;
                return files;
            }

            var hintNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            void Add(string name, string text)
            {
                var hint = name + ".g.cs";
                for (var i = 2; !hintNames.Add(hint); i++)
                {
                    hint = name + "." + i.ToString(CultureInfo.InvariantCulture) + ".g.cs";
                }

                files.Add((hint, text));
            }

            Add("StatusOutcome", EmitStatusOutcome(model.Namespace));
            foreach (var spec in model.Specs)
            {
                foreach (var field in spec.StatusFields)
                {
                    Add(field.EnumName, EmitStatusField(model.Namespace, field));
                }

                foreach (var lifecycle in spec.Lifecycles)
                {
                    Add(lifecycle.EnumName, EmitLifecycle(model.Namespace, lifecycle));
                }
            }

            return files;
        }

        // ------------------------------------------------------------------ StatusOutcome

        private static string EmitStatusOutcome(string ns)
        {
            var w = Begin(ns, "the status annotations of the OpenAPI spec");
            w.Line("/// <summary>")
                .Line("/// The outcome category of a status value or of a lifecycle state, shared by every status")
                .Line("/// enum generated from the spec. Ordered from best to worst among finished outcomes.")
                .Line("/// </summary>")
                .Line(GeneratedCodeAttribute)
                .Line("public enum StatusOutcome")
                .OpenBlock()
                .Line("/// <summary>Not decided yet: the operation is still going on.</summary>")
                .Line("InProgress = 0,")
                .Line()
                .Line("/// <summary>Ended as intended.</summary>")
                .Line("Succeeded = 1,")
                .Line()
                .Line("/// <summary>Stopped on purpose before it ended (for example restored at the customer's request).</summary>")
                .Line("Cancelled = 2,")
                .Line()
                .Line("/// <summary>Ended in an error.</summary>")
                .Line("Failed = 3,")
                .CloseBlock();
            return End(w);
        }

        // ------------------------------------------------------------------ x-contacts-status

        private static string EmitStatusField(string ns, StatusFieldModel field)
        {
            var w = Begin(ns, "the x-contacts-status annotation of " + field.JsonPath);
            var e = field.EnumName;
            var fallback = field.Members.First(m => m.IsFallback);
            var owner = "global::" + ns + "." + field.OwnerClassName;
            var rawType = field.Kind == WireKind.String ? "string?" : "long?";
            var matching = field.Kind == WireKind.Integer
                ? "Values are integers, compared numerically."
                : field.CaseSensitive
                    ? "Values are compared ordinally, with case; there is no trimming."
                    : "Values are compared ordinally, ignoring case; there is no trimming.";

            Summary(w, field.Description ?? "The status carried by " + field.JsonPath + ".");
            w.Line("/// <remarks>")
                .Line("/// Generated from the x-contacts-status annotation of <c>" + Xml(field.JsonPath) + "</c>. Any value that is not")
                .Line("/// listed, and a missing value, reads as <see cref=\"" + e + "." + fallback.Name + "\"/> (also <c>default</c>). " + Xml(matching))
                .Line("/// The raw wire value stays available on <see cref=\"" + owner + "." + field.PropertyName + "\"/>.")
                .Line("/// </remarks>")
                .Line(GeneratedCodeAttribute)
                .Line("public enum " + e)
                .OpenBlock();
            foreach (var member in field.Members.OrderBy(m => m.Value))
            {
                Summary(w, member.Description ?? "The wire value " + member.WireText + ".");
                w.Line("/// <remarks>" + Xml(DescribeMember(field, member)) + "</remarks>");
                w.Line(member.Name + " = " + member.Value.ToString(CultureInfo.InvariantCulture) + ",");
                if (member.Value != field.Members.Count - 1)
                {
                    w.Line();
                }
            }

            w.CloseBlock().Line();

            w.Line("/// <summary>Reads, describes and looks up <see cref=\"" + e + "\"/> values; none of these methods throws or allocates.</summary>")
                .Line(GeneratedCodeAttribute)
                .Line("public static class " + field.ExtensionsClassName)
                .OpenBlock();

            // FromWireValue / TryFromWireValue
            w.Line("/// <summary>Reads a wire value of <c>" + Xml(field.JsonPath) + "</c>.</summary>")
                .Line("/// <param name=\"value\">The raw value as received; may be null.</param>")
                .Line("/// <returns>The listed member, or <see cref=\"" + e + "." + fallback.Name + "\"/> for an unlisted or missing value.</returns>")
                .Line("public static " + e + " FromWireValue(" + rawType + " value)")
                .OpenBlock();
            EmitFromWireValueBody(w, field, fallback);
            w.CloseBlock();
            if (field.Kind == WireKind.String && !field.CaseSensitive && field.Members.Any(m => !m.IsFallback))
            {
                EmitFromOtherLetterCase(w, field, fallback);
            }

            w.Line();

            w.Line("/// <summary>Reads a wire value of <c>" + Xml(field.JsonPath) + "</c> and tells whether it is listed.</summary>")
                .Line("/// <param name=\"value\">The raw value as received; may be null.</param>")
                .Line("/// <param name=\"status\">The listed member, or <see cref=\"" + e + "." + fallback.Name + "\"/> when the value is not listed.</param>")
                .Line("/// <returns><c>true</c> when the value is listed; <c>false</c> for an unlisted or missing value.</returns>")
                .Line("public static bool TryFromWireValue(" + rawType + " value, out " + e + " status)")
                .OpenBlock();
            if (field.Kind == WireKind.Integer)
            {
                w.Line("if (value.HasValue)")
                    .OpenBlock()
                    .Line("switch (value.GetValueOrDefault())")
                    .OpenBlock();
                foreach (var member in field.Members)
                {
                    w.Line("case " + member.WireInteger.ToString(CultureInfo.InvariantCulture) + "L:")
                        .Indent()
                        .Line("status = " + e + "." + member.Name + ";")
                        .Line("return true;")
                        .Unindent();
                }

                w.CloseBlock().CloseBlock().Line();
            }
            else if (field.CaseSensitive)
            {
                w.Line("switch (value)")
                    .OpenBlock();
                foreach (var member in field.Members)
                {
                    w.Line("case " + Literal(member.WireText) + ":")
                        .Indent()
                        .Line("status = " + e + "." + member.Name + ";")
                        .Line("return true;")
                        .Unindent();
                }

                w.CloseBlock().Line();
            }
            else
            {
                w.Line("if (value != null)")
                    .OpenBlock();
                foreach (var member in field.Members)
                {
                    w.Line("if (string.Equals(value, " + Literal(member.WireText) + ", global::System.StringComparison.OrdinalIgnoreCase))")
                        .OpenBlock()
                        .Line("status = " + e + "." + member.Name + ";")
                        .Line("return true;")
                        .CloseBlock();
                }

                w.CloseBlock().Line();
            }

            w.Line("status = " + e + "." + fallback.Name + ";")
                .Line("return false;")
                .CloseBlock()
                .Line();

            // Typed accessor on the Kiota model.
            w.Line("/// <summary>Reads <see cref=\"" + owner + "." + field.PropertyName + "\"/> as <see cref=\"" + e + "\"/>.</summary>")
                .Line("/// <param name=\"model\">The Kiota model; may be null.</param>")
                .Line("/// <returns>The listed member, or <see cref=\"" + e + "." + fallback.Name + "\"/> when the model or its value is missing or the value is not listed.</returns>")
                .Line("public static " + e + " " + field.AccessorName + "(this " + owner + "? model)")
                .OpenBlock()
                .Line("return FromWireValue(model?." + field.PropertyName + ");")
                .CloseBlock()
                .Line();

            EmitLookup(w, e, "bool", "IsTerminal", "Whether no further change is expected once this status is reached.", field.Members.Select(m => (m.Name, m.Terminal ? "true" : "false")), fallback.Terminal ? "true" : "false");
            EmitLookup(w, e, "StatusOutcome", "GetOutcome", "The outcome category of the status.", field.Members.Select(m => (m.Name, "StatusOutcome." + m.Outcome)), "StatusOutcome." + fallback.Outcome);
            EmitLookup(w, e, "string", "GetDescription", "What the status means, as the spec describes it.", field.Members.Select(m => (m.Name, Literal(m.Description ?? m.Name))), Literal(fallback.Description ?? fallback.Name));
            if (field.Kind == WireKind.String)
            {
                EmitLookup(w, e, "string", "GetWireValue", "The value as listed in the spec (the raw value received may differ in case).", field.Members.Select(m => (m.Name, Literal(m.WireText))), Literal(fallback.WireText), last: true);
            }
            else
            {
                EmitLookup(w, e, "long", "GetWireValue", "The value as listed in the spec.", field.Members.Select(m => (m.Name, m.WireInteger.ToString(CultureInfo.InvariantCulture) + "L")), fallback.WireInteger.ToString(CultureInfo.InvariantCulture) + "L", last: true);
            }

            w.CloseBlock();
            return End(w);
        }

        /// <summary>
        /// The body of <c>FromWireValue</c>: the same answer as <c>TryFromWireValue</c>, written the way
        /// a hand-tuned parser would be. The fallback's own value needs no test (it reads as the
        /// fallback anyway), and string values go through an exact C# string switch first (wire
        /// values nearly always arrive spelled as documented); only a value of a listed length that
        /// the switch missed is compared again ignoring case.
        /// </summary>
        private static void EmitFromWireValueBody(SourceWriter w, StatusFieldModel field, StatusMemberModel fallback)
        {
            var e = field.EnumName;
            var others = field.Members.Where(m => !m.IsFallback).ToList();
            if (others.Count > 0 && field.Kind == WireKind.Integer)
            {
                w.Line("if (value.HasValue)")
                    .OpenBlock()
                    .Line("switch (value.GetValueOrDefault())")
                    .OpenBlock();
                foreach (var member in others)
                {
                    w.Line("case " + member.WireInteger.ToString(CultureInfo.InvariantCulture) + "L:")
                        .Indent()
                        .Line("return " + e + "." + member.Name + ";")
                        .Unindent();
                }

                w.CloseBlock().CloseBlock().Line();
            }
            else if (others.Count > 0)
            {
                w.Line("switch (value)")
                    .OpenBlock();
                foreach (var member in others)
                {
                    w.Line("case " + Literal(member.WireText) + ":")
                        .Indent()
                        .Line("return " + e + "." + member.Name + ";")
                        .Unindent();
                }

                w.CloseBlock().Line();
                if (!field.CaseSensitive)
                {
                    // Values equal ignoring case (ordinally) have the same length; the comparisons
                    // themselves live in a helper, so that this method stays small enough to inline.
                    var lengths = others.Select(m => m.WireText.Length).Distinct().OrderBy(l => l).Select(l => l.ToString(CultureInfo.InvariantCulture));
                    w.Line("return value != null && value.Length is " + string.Join(" or ", lengths) + " ? FromOtherLetterCase(value) : " + e + "." + fallback.Name + ";");
                    return;
                }
            }

            w.Line("return " + e + "." + fallback.Name + ";");
        }

        /// <summary>The helper of <see cref="EmitFromWireValueBody"/>: listed values in another letter case.</summary>
        private static void EmitFromOtherLetterCase(SourceWriter w, StatusFieldModel field, StatusMemberModel fallback)
        {
            var e = field.EnumName;
            w.Line()
                .Line("private static " + e + " FromOtherLetterCase(string value)")
                .OpenBlock();
            foreach (var member in field.Members.Where(m => !m.IsFallback))
            {
                w.Line("if (string.Equals(value, " + Literal(member.WireText) + ", global::System.StringComparison.OrdinalIgnoreCase))")
                    .OpenBlock()
                    .Line("return " + e + "." + member.Name + ";")
                    .CloseBlock();
            }

            w.Line()
                .Line("return " + e + "." + fallback.Name + ";")
                .CloseBlock();
        }

        private static string DescribeMember(StatusFieldModel field, StatusMemberModel member)
        {
            var text = "Wire value " + (field.Kind == WireKind.String ? "\"" + member.WireText + "\"" : member.WireText)
                + (member.Terminal ? "; terminal" : "; not terminal")
                + "; outcome " + member.Outcome + ".";
            return member.IsFallback ? text + " The fallback: every unlisted or missing value reads as this member." : text;
        }

        // ------------------------------------------------------------------ x-contacts-lifecycle

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
            foreach (var p in lifecycle.Phases)
            {
                w.Line("if (" + Condition(p) + ")")
                    .OpenBlock()
                    .Line("return new " + result + "(" + phase + "." + p.Name + ", MapPhase" + p.Name + "(ReadPhase" + p.Name + "Status(model)));")
                    .CloseBlock()
                    .Line();
            }

            w.Line("return new " + result + "(" + phase + "." + first.Name + ", MapPhase" + first.Name + "(ReadPhase" + first.Name + "Status(model)));")
                .CloseBlock()
                .Line();

            foreach (var p in lifecycle.Phases)
            {
                EmitPhaseReader(w, owner, p);
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

        private static string Condition(PhaseModel phase)
        {
            var access = "model?." + phase.ConditionProperty;
            if (phase.ConditionIsArray)
            {
                return "(" + access + "?.Count ?? 0) " + (phase.WhenPresent ? "> 0" : "== 0");
            }

            return access + (phase.WhenPresent ? " != null" : " == null");
        }

        private static void EmitPhaseReader(SourceWriter w, string owner, PhaseModel phase)
        {
            var statusExtensions = phase.StatusField + "Extensions";
            if (!phase.CrossesArray)
            {
                w.Line(AggressiveInlining);
            }

            w.Line("private static " + phase.StatusField + " ReadPhase" + phase.Name + "Status(" + owner + "? model)")
                .OpenBlock();
            if (!phase.CrossesArray)
            {
                w.Line("return " + statusExtensions + ".FromWireValue(model?." + string.Join("?.", phase.PathBeforeArray) + ");");
                w.CloseBlock().Line();
                return;
            }

            // Aggregation over the array: the first non-terminal element's status wins; when all are
            // terminal, the worst outcome (Failed > Cancelled > Succeeded); an empty array is the fallback.
            var element = "?." + string.Join("?.", phase.PathAfterArray);
            w.Line("var items = model?." + string.Join("?.", phase.PathBeforeArray) + ";")
                .Line("if (items == null || items.Count == 0)")
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

        // ------------------------------------------------------------------ helpers

        private static void EmitLookup(SourceWriter w, string enumName, string type, string method, string summary, IEnumerable<(string Member, string Value)> cases, string defaultValue, bool last = false)
        {
            w.Line("/// <summary>" + Xml(summary) + "</summary>")
                .Line("/// <param name=\"value\">The value to look up; a value outside the enum is read as its default member.</param>")
                .Line("/// <returns>The " + (type == "bool" ? "answer" : "value") + " the spec gives.</returns>")
                .Line("public static " + type + " " + method + "(this " + enumName + " value)")
                .OpenBlock();
            if (type == "bool")
            {
                // A pattern instead of a switch: the compiler and the JIT turn it into a range or bit
                // test, as fast as the same test written by hand.
                var others = cases.Where(c => c.Value != defaultValue).Select(c => enumName + "." + c.Member).ToList();
                var test = string.Join(" or ", others);
                w.Line(others.Count == 0
                        ? "return " + defaultValue + ";"
                        : defaultValue == "false" ? "return value is " + test + ";" : "return value is not (" + test + ");")
                    .CloseBlock();
                if (!last)
                {
                    w.Line();
                }

                return;
            }

            w.Line("switch (value)")
                .OpenBlock();
            foreach (var (member, value) in cases)
            {
                if (value == defaultValue)
                {
                    continue;
                }

                w.Line("case " + enumName + "." + member + ":")
                    .Indent()
                    .Line("return " + value + ";")
                    .Unindent();
            }

            w.Line("default:")
                .Indent()
                .Line("return " + defaultValue + ";")
                .Unindent()
                .CloseBlock()
                .CloseBlock();
            if (!last)
            {
                w.Line();
            }
        }

        private static SourceWriter Begin(string ns, string origin)
        {
            var w = new SourceWriter();
            w.Line("// <auto-generated/>")
                .Line("// Generated by ContactsSdk.Generator from " + origin + ". Do not edit: change the spec.")
                .Line("#nullable enable")
                .Line()
                .Line("namespace " + ns)
                .OpenBlock();
            return w;
        }

        private static string End(SourceWriter w) => w.CloseBlock().ToString();

        private static void Summary(SourceWriter w, string text)
        {
            w.Line("/// <summary>");
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                var trimmed = line.TrimEnd();
                w.Line(trimmed.Length == 0 ? "///" : "/// " + Xml(trimmed));
            }

            w.Line("/// </summary>");
        }

        private static string Xml(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        /// <summary>A C# string literal, escaped so that any spec text is safe to embed.</summary>
        internal static string Literal(string text)
        {
            var builder = new StringBuilder(text.Length + 2);
            builder.Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    case '\0':
                        builder.Append("\\0");
                        break;
                    default:
                        if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
            return builder.ToString();
        }
    }
}
