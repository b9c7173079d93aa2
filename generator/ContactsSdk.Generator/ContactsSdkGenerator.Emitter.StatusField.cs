using System.Globalization;
using System.Linq;
using ContactsSdk.Generator.Model;

namespace ContactsSdk.Generator;

public sealed partial class ContactsSdkGenerator
{
    /// <summary>The x-contacts-status annotation: a status enum and its parse, lookup and accessor methods.</summary>
    internal static partial class Emitter
    {
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
        /// a hand-tuned parser would be. Integer values go through one switch. String values are
        /// dispatched on their length first (values equal ignoring case have the same length), so an
        /// unlisted value of another length costs one test, and a listed one a single exact comparison
        /// (wire values nearly always arrive spelled as documented); only a value of a listed length
        /// that no exact comparison matched is compared again ignoring case, in a helper.
        /// </summary>
        private static void EmitFromWireValueBody(SourceWriter w, StatusFieldModel field, StatusMemberModel fallback)
        {
            var e = field.EnumName;
            var others = field.Members.Where(m => !m.IsFallback).ToList();
            if (others.Count == 0)
            {
                w.Line("return " + e + "." + fallback.Name + ";");
                return;
            }

            if (field.Kind == WireKind.Integer)
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

                w.CloseBlock().CloseBlock().Line()
                    .Line("return " + e + "." + fallback.Name + ";");
                return;
            }

            w.Line("if (value == null)")
                .OpenBlock()
                .Line("return " + e + "." + fallback.Name + ";")
                .CloseBlock()
                .Line()
                .Line("switch (value.Length)")
                .OpenBlock();
            foreach (var bucket in others.GroupBy(m => m.WireText.Length).OrderBy(g => g.Key))
            {
                w.Line("case " + bucket.Key.ToString(CultureInfo.InvariantCulture) + ":")
                    .Indent();

                // The fallback's own value shares this length: recognise it exactly too, so that the
                // documented spelling never reaches the case-insensitive helper.
                var candidates = fallback.WireText.Length == bucket.Key ? bucket.Concat(new[] { fallback }) : bucket;
                foreach (var member in candidates)
                {
                    w.Line("if (value == " + Literal(member.WireText) + ")")
                        .OpenBlock()
                        .Line("return " + e + "." + member.Name + ";")
                        .CloseBlock()
                        .Line();
                }

                w.Line("break;")
                    .Unindent();
            }

            w.Line("default:")
                .Indent()
                .Line("return " + e + "." + fallback.Name + ";")
                .Unindent()
                .CloseBlock()
                .Line()
                .Line(field.CaseSensitive
                    ? "return " + e + "." + fallback.Name + ";"
                    : "return FromOtherLetterCase(value);");
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
    }
}
