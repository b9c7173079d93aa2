using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactsSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        public const string GeneratorVersion = "1.3.0";

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
            w.WriteLine($$"""
                /// <summary>
                /// The outcome category of a status value or of a lifecycle state, shared by every status
                /// enum generated from the spec. Ordered from best to worst among finished outcomes.
                /// </summary>
                {{GeneratedCodeAttribute}}
                public enum StatusOutcome
                {
                    /// <summary>Not decided yet: the operation is still going on.</summary>
                    InProgress = 0,

                    /// <summary>Ended as intended.</summary>
                    Succeeded = 1,

                    /// <summary>Stopped on purpose before it ended (for example restored at the customer's request).</summary>
                    Cancelled = 2,

                    /// <summary>Ended in an error.</summary>
                    Failed = 3,
                }
                """);
            return End(w);
        }

        // ------------------------------------------------------------------ helpers

        /// <summary>One lookup method over an enum: a pattern test for a bool, else a switch; the default value needs no case.</summary>
        private static void EmitLookup(SourceWriter w, string enumName, string type, string method, string summary, IEnumerable<(string Member, string Value)> cases, string defaultValue, bool last = false)
        {
            w.WriteLine($$"""
                /// <summary>{{Xml(summary)}}</summary>
                /// <param name="value">The value to look up; a value outside the enum is read as its default member.</param>
                /// <returns>The {{(type == "bool" ? "answer" : "value")}} the spec gives.</returns>
                public static {{type}} {{method}}(this {{enumName}} value)
                """);
            w.OpenBlock();
            var others = cases.Where(c => c.Value != defaultValue).ToList();
            if (type == "bool")
            {
                // A pattern instead of a switch: the compiler and the JIT turn it into a range or bit
                // test, as fast as the same test written by hand.
                var test = string.Join(" or ", others.Select(c => enumName + "." + c.Member));
                w.WriteLine(others.Count == 0
                    ? "return " + defaultValue + ";"
                    : defaultValue == "false" ? "return value is " + test + ";" : "return value is not (" + test + ");");
            }
            else
            {
                w.WriteLine("switch (value)").OpenBlock();
                foreach (var (member, value) in others)
                {
                    w.WriteLine($$"""
                        case {{enumName}}.{{member}}:
                            return {{value}};
                        """);
                }

                w.WriteLine($$"""
                    default:
                        return {{defaultValue}};
                    """);
                w.CloseBlock();
            }

            w.CloseBlock();
            if (!last)
            {
                w.WriteLine();
            }
        }

        private static SourceWriter Begin(string ns, string origin)
        {
            var w = new SourceWriter();
            w.WriteLine($$"""
                // <auto-generated/>
                // Generated by ContactsSdk.Generator from {{origin}}. Do not edit: change the spec.
                #nullable enable

                namespace {{ns}}
                """);
            w.OpenBlock();
            return w;
        }

        private static string End(SourceWriter w) => w.CloseBlock().ToString();

        /// <summary>A documentation summary of any text (one comment line per line of text).</summary>
        private static void Summary(SourceWriter w, string text)
        {
            w.WriteLine("/// <summary>");
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                var trimmed = line.TrimEnd();
                w.WriteLine(trimmed.Length == 0 ? "///" : "/// " + Xml(trimmed));
            }

            w.WriteLine("/// </summary>");
        }

        private static string Xml(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        /// <summary>
        /// A C# string literal of any spec text, escaped by the compiler's own rules
        /// (<see cref="SymbolDisplay.FormatLiteral(string, bool)"/>).
        /// </summary>
        internal static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
    }
}
