using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContactsSdk.Build.Tests.Snippets;

/// <summary>
/// Compiles a Markdown snippet with Roslyn against the assemblies this test runs with: the SDK, the
/// erasure library, the emulator, their dependencies and the shared frameworks (ASP.NET Core included).
/// </summary>
/// <remarks>
/// The rule (CONTRIBUTING.md): a snippet's leading <c>using</c> directives stay file-level; the rest is
/// the body of an async method whose parameters are the snippet's <c>given</c> declarations; the
/// implicit usings of a .NET console app apply. <c>#line</c> directives map every diagnostic back to
/// its line in the Markdown page.
/// </remarks>
internal static partial class SnippetCompiler
{
    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives a console app.</summary>
    public static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <summary>
    /// "Assuming assembly reference … matches identity …": a library built against an older version of a
    /// dependency than the app runs with. The .NET SDK silences both in every project (NoWarn 1701;1702).
    /// </summary>
    private static readonly Dictionary<string, ReportDiagnostic> UnifiedVersionWarnings = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?\s*;")]
    private static partial Regex UsingDirective();

    /// <summary>The compiler's errors and warnings, each as "page:line: ID: message"; empty when it compiles.</summary>
    public static IReadOnlyList<string> Diagnose(MarkdownSnippet snippet)
    {
        var tree = CSharpSyntaxTree.ParseText(Wrap(snippet), new CSharpParseOptions(LanguageVersion.Latest), path: "Snippet.cs");
        var implicitUsings = CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(ns => $"global using global::{ns};\n")), path: "ImplicitUsings.cs");
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [implicitUsings, tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(UnifiedVersionWarnings));

        return compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => Describe(d, snippet))
            .ToList();
    }

    /// <summary>The snippet as a compilable file: usings first, then the rest as a method body.</summary>
    public static string Wrap(MarkdownSnippet snippet)
    {
        var lines = snippet.CodeLines.ToList();
        var usingCount = lines.TakeWhile(line => UsingDirective().IsMatch(line) || string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)).Count();
        var text = new StringBuilder();
        text.Append(LineDirective(snippet.Line, snippet.File));
        foreach (var line in lines.Take(usingCount))
        {
            text.Append(line).Append('\n');
        }

        text.Append("#line hidden\n");
        text.Append("internal static class DocumentationSnippet\n{\n");
        text.Append("    internal static async global::System.Threading.Tasks.Task RunAsync(").Append(string.Join(", ", snippet.Given)).Append(")\n    {\n");
        text.Append("        await global::System.Threading.Tasks.Task.CompletedTask;\n");
        text.Append(LineDirective(snippet.Line + usingCount, snippet.File));
        foreach (var line in lines.Skip(usingCount))
        {
            text.Append(line).Append('\n');
        }

        text.Append("#line default\n    }\n}\n");
        return text.ToString();
    }

    private static string LineDirective(int line, string file) => $"#line {line} \"{file}\"\n";

    private static string Describe(Diagnostic diagnostic, MarkdownSnippet snippet)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var where = span.HasMappedPath ? $"{span.Path}:{span.StartLinePosition.Line + 1}" : snippet.Location;
        return $"{where}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The assemblies the test process was started with (its deps.json and shared frameworks): the built
    /// SDK libraries and everything they depend on, at the versions an app would run with.
    /// </summary>
    private static MetadataReference[] LoadReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
}
