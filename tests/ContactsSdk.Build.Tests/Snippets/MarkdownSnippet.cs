using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Build.Tests.Snippets;

/// <summary>
/// One C# code block of a Markdown page (a fence opened with <c>```csharp</c>, <c>```cs</c> or
/// <c>```c#</c>), with the <c>&lt;!-- snippet: … --&gt;</c> directives written on the lines right above it.
/// </summary>
/// <param name="File">The page, repository-relative, with forward slashes.</param>
/// <param name="Line">The 1-based line of the snippet's first code line in the page.</param>
/// <param name="Code">The code, its fence's indentation removed (a block inside a list item).</param>
/// <param name="Given">Declarations of the names the snippet uses without declaring them, each "Type name".</param>
/// <param name="NotCompiledReason">Why the snippet is deliberately not compiled, or null when it is.</param>
internal sealed record MarkdownSnippet(string File, int Line, string Code, IReadOnlyList<string> Given, string? NotCompiledReason)
{
    public string Location => $"{File}:{Line}";

    public IEnumerable<string> CodeLines => Code.Split('\n');

    /// <summary>A snippet's directives, parsed; an unknown or malformed directive is an error naming its line.</summary>
    public static (IReadOnlyList<string> Given, string? NotCompiledReason) ParseDirectives(string file, IEnumerable<(int Line, string Text)> directives)
    {
        var given = new List<string>();
        string? notCompiled = null;
        foreach (var (line, text) in directives)
        {
            if (text.StartsWith("given ", StringComparison.Ordinal))
            {
                given.AddRange(text["given ".Length..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (text.StartsWith("not-compiled (", StringComparison.Ordinal) && text.EndsWith(')') && text.Length > "not-compiled ()".Length)
            {
                notCompiled = text["not-compiled (".Length..^1].Trim();
            }
            else
            {
                throw new FormatException($"{file}:{line}: unknown snippet directive '{text}' (expected 'given Type name; Type name' or 'not-compiled (reason)').");
            }
        }

        if (given.Any(g => g.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 2))
        {
            throw new FormatException($"{file}: a 'given' declaration must be 'Type name': {string.Join("; ", given)}");
        }

        return (given, notCompiled);
    }
}
