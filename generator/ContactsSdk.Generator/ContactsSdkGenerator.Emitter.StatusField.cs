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
            EmitStatusEnum(w, ns, field);
            w.WriteLine();

            var e = field.EnumName;
            w.WriteLine($$"""
                /// <summary>Reads, describes and looks up <see cref="{{e}}"/> values; none of these methods throws or allocates.</summary>
                {{GeneratedCodeAttribute}}
                public static class {{field.ExtensionsClassName}}
                """);
            w.OpenBlock();
            EmitFromWireValue(w, field);
            w.WriteLine();
            EmitTryFromWireValue(w, field);
            w.WriteLine();
            EmitStatusAccessor(w, ns, field);
            w.WriteLine();
            EmitStatusLookups(w, field);
            w.CloseBlock();
            return End(w);
        }

        private static void EmitStatusEnum(SourceWriter w, string ns, StatusFieldModel field)
        {
            var e = field.EnumName;
            var fallback = Fallback(field);
            var matching = field.Kind == WireKind.Integer
                ? "Values are integers, compared numerically."
                : field.CaseSensitive
                    ? "Values are compared ordinally, with case; there is no trimming."
                    : "Values are compared ordinally, ignoring case; there is no trimming.";

            Summary(w, field.Description ?? "The status carried by " + field.JsonPath + ".");
            w.WriteLine($$"""
                /// <remarks>
                /// Generated from the x-contacts-status annotation of <c>{{Xml(field.JsonPath)}}</c>. Any value that is not
                /// listed, and a missing value, reads as <see cref="{{e}}.{{fallback.Name}}"/> (also <c>default</c>). {{Xml(matching)}}
                /// The raw wire value stays available on <see cref="{{Owner(ns, field)}}.{{field.PropertyName}}"/>.
                /// </remarks>
                {{GeneratedCodeAttribute}}
                public enum {{e}}
                """);
            w.OpenBlock();
            foreach (var member in field.Members.OrderBy(m => m.Value))
            {
                Summary(w, member.Description ?? "The wire value " + member.WireText + ".");
                w.WriteLine($$"""
                    /// <remarks>{{Xml(DescribeMember(field, member))}}</remarks>
                    {{member.Name}} = {{Number(member.Value)}},
                    """);
                if (member.Value != field.Members.Count - 1)
                {
                    w.WriteLine();
                }
            }

            w.CloseBlock();
        }

        private static void EmitFromWireValue(SourceWriter w, StatusFieldModel field)
        {
            w.WriteLine($$"""
                /// <summary>Reads a wire value of <c>{{Xml(field.JsonPath)}}</c>.</summary>
                /// <param name="value">The raw value as received; may be null.</param>
                /// <returns>The listed member, or <see cref="{{field.EnumName}}.{{Fallback(field).Name}}"/> for an unlisted or missing value.</returns>
                public static {{field.EnumName}} FromWireValue({{RawType(field)}} value)
                """);
            w.OpenBlock();
            EmitFromWireValueBody(w, field);
            w.CloseBlock();
            if (field.Kind == WireKind.String && !field.CaseSensitive && field.Members.Any(m => !m.IsFallback))
            {
                EmitFromOtherLetterCase(w, field);
            }
        }

        /// <summary>
        /// The body of <c>FromWireValue</c>: the same answer as <c>TryFromWireValue</c>, written the way
        /// a hand-tuned parser would be. Integer values go through one switch. String values are
        /// dispatched on their length first (values equal ignoring case have the same length), so an
        /// unlisted value of another length costs one test, and a listed one a single exact comparison
        /// (wire values nearly always arrive spelled as documented); only a value of a listed length
        /// that no exact comparison matched is compared again ignoring case, in a helper.
        /// </summary>
        private static void EmitFromWireValueBody(SourceWriter w, StatusFieldModel field)
        {
            var e = field.EnumName;
            var fallback = Fallback(field);
            var others = field.Members.Where(m => !m.IsFallback).ToList();
            if (others.Count == 0)
            {
                w.WriteLine($"return {e}.{fallback.Name};");
                return;
            }

            if (field.Kind == WireKind.Integer)
            {
                w.WriteLine("if (value.HasValue)").OpenBlock();
                w.WriteLine("switch (value.GetValueOrDefault())").OpenBlock();
                foreach (var member in others)
                {
                    w.WriteLine($$"""
                        case {{IntegerLiteral(member.WireInteger)}}:
                            return {{e}}.{{member.Name}};
                        """);
                }

                w.CloseBlock().CloseBlock();
                w.WriteLine($$"""

                    return {{e}}.{{fallback.Name}};
                    """);
                return;
            }

            w.WriteLine($$"""
                if (value == null)
                {
                    return {{e}}.{{fallback.Name}};
                }

                switch (value.Length)
                """);
            w.OpenBlock();
            foreach (var bucket in others.GroupBy(m => m.WireText.Length).OrderBy(g => g.Key))
            {
                w.WriteLine($"case {Number(bucket.Key)}:").Indent();

                // The fallback's own value shares this length: recognise it exactly too, so that the
                // documented spelling never reaches the case-insensitive helper.
                var candidates = fallback.WireText.Length == bucket.Key ? bucket.Concat(new[] { fallback }) : bucket;
                foreach (var member in candidates)
                {
                    w.WriteLine($$"""
                        if (value == {{Literal(member.WireText)}})
                        {
                            return {{e}}.{{member.Name}};
                        }

                        """);
                }

                w.WriteLine("break;").Unindent();
            }

            w.WriteLine($$"""
                default:
                    return {{e}}.{{fallback.Name}};
                """);
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine(field.CaseSensitive ? $"return {e}.{fallback.Name};" : "return FromOtherLetterCase(value);");
        }

        /// <summary>The helper of <see cref="EmitFromWireValueBody"/>: listed values in another letter case.</summary>
        private static void EmitFromOtherLetterCase(SourceWriter w, StatusFieldModel field)
        {
            var e = field.EnumName;
            w.WriteLine($$"""

                private static {{e}} FromOtherLetterCase(string value)
                """);
            w.OpenBlock();
            foreach (var member in field.Members.Where(m => !m.IsFallback))
            {
                w.WriteLine($$"""
                    if (string.Equals(value, {{Literal(member.WireText)}}, global::System.StringComparison.OrdinalIgnoreCase))
                    {
                        return {{e}}.{{member.Name}};
                    }
                    """);
            }

            w.WriteLine($$"""

                return {{e}}.{{Fallback(field).Name}};
                """);
            w.CloseBlock();
        }

        private static void EmitTryFromWireValue(SourceWriter w, StatusFieldModel field)
        {
            var e = field.EnumName;
            var fallback = Fallback(field);
            w.WriteLine($$"""
                /// <summary>Reads a wire value of <c>{{Xml(field.JsonPath)}}</c> and tells whether it is listed.</summary>
                /// <param name="value">The raw value as received; may be null.</param>
                /// <param name="status">The listed member, or <see cref="{{e}}.{{fallback.Name}}"/> when the value is not listed.</param>
                /// <returns><c>true</c> when the value is listed; <c>false</c> for an unlisted or missing value.</returns>
                public static bool TryFromWireValue({{RawType(field)}} value, out {{e}} status)
                """);
            w.OpenBlock();
            if (field.Kind == WireKind.Integer)
            {
                w.WriteLine("if (value.HasValue)").OpenBlock();
                w.WriteLine("switch (value.GetValueOrDefault())").OpenBlock();
                foreach (var member in field.Members)
                {
                    w.WriteLine($$"""
                        case {{IntegerLiteral(member.WireInteger)}}:
                            status = {{e}}.{{member.Name}};
                            return true;
                        """);
                }

                w.CloseBlock().CloseBlock();
            }
            else if (field.CaseSensitive)
            {
                w.WriteLine("switch (value)").OpenBlock();
                foreach (var member in field.Members)
                {
                    w.WriteLine($$"""
                        case {{Literal(member.WireText)}}:
                            status = {{e}}.{{member.Name}};
                            return true;
                        """);
                }

                w.CloseBlock();
            }
            else
            {
                w.WriteLine("if (value != null)").OpenBlock();
                foreach (var member in field.Members)
                {
                    w.WriteLine($$"""
                        if (string.Equals(value, {{Literal(member.WireText)}}, global::System.StringComparison.OrdinalIgnoreCase))
                        {
                            status = {{e}}.{{member.Name}};
                            return true;
                        }
                        """);
                }

                w.CloseBlock();
            }

            w.WriteLine($$"""

                status = {{e}}.{{fallback.Name}};
                return false;
                """);
            w.CloseBlock();
        }

        /// <summary>The typed accessor on the Kiota model.</summary>
        private static void EmitStatusAccessor(SourceWriter w, string ns, StatusFieldModel field)
        {
            var e = field.EnumName;
            var owner = Owner(ns, field);
            w.WriteLine($$"""
                /// <summary>Reads <see cref="{{owner}}.{{field.PropertyName}}"/> as <see cref="{{e}}"/>.</summary>
                /// <param name="model">The Kiota model; may be null.</param>
                /// <returns>The listed member, or <see cref="{{e}}.{{Fallback(field).Name}}"/> when the model or its value is missing or the value is not listed.</returns>
                public static {{e}} {{field.AccessorName}}(this {{owner}}? model)
                {
                    return FromWireValue(model?.{{field.PropertyName}});
                }
                """);
        }

        private static void EmitStatusLookups(SourceWriter w, StatusFieldModel field)
        {
            var e = field.EnumName;
            var fallback = Fallback(field);
            // Not IsTerminal: a field's final value ends its phase, and only a lifecycle says the whole operation is done.
            EmitLookup(w, e, "bool", "IsPhaseOver", "Whether this status ends its phase: the field is not expected to change again. It does not say the operation as a whole is done; a lifecycle accessor says that.", field.Members.Select(m => (m.Name, Bool(m.Terminal))), Bool(fallback.Terminal));
            EmitLookup(w, e, "StatusOutcome", "GetOutcome", "The outcome category of the status.", field.Members.Select(m => (m.Name, "StatusOutcome." + m.Outcome)), "StatusOutcome." + fallback.Outcome);
            EmitLookup(w, e, "string", "GetDescription", "What the status means, as the spec describes it.", field.Members.Select(m => (m.Name, Literal(m.Description ?? m.Name))), Literal(fallback.Description ?? fallback.Name));
            if (field.Kind == WireKind.String)
            {
                EmitLookup(w, e, "string", "GetWireValue", "The value as listed in the spec (the raw value received may differ in case).", field.Members.Select(m => (m.Name, Literal(m.WireText))), Literal(fallback.WireText), last: true);
            }
            else
            {
                EmitLookup(w, e, "long", "GetWireValue", "The value as listed in the spec.", field.Members.Select(m => (m.Name, IntegerLiteral(m.WireInteger))), IntegerLiteral(fallback.WireInteger), last: true);
            }
        }

        private static StatusMemberModel Fallback(StatusFieldModel field) => field.Members.First(m => m.IsFallback);

        private static string Owner(string ns, StatusFieldModel field) => "global::" + ns + "." + field.OwnerClassName;

        private static string RawType(StatusFieldModel field) => field.Kind == WireKind.String ? "string?" : "long?";

        private static string DescribeMember(StatusFieldModel field, StatusMemberModel member)
        {
            var text = "Wire value " + (field.Kind == WireKind.String ? "\"" + member.WireText + "\"" : member.WireText)
                + (member.Terminal ? "; ends its phase" : "; does not end its phase")
                + "; outcome " + member.Outcome + ".";
            return member.IsFallback ? text + " The fallback: every unlisted or missing value reads as this member." : text;
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string IntegerLiteral(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
