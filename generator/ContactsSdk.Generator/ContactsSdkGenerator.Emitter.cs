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
    internal static partial class Emitter
    {
        /// <summary>The version written into [GeneratedCode]; bump it when the emitted shape changes.</summary>
        public const string GeneratorVersion = "1.1.0";

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
