using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ContactsSdk.Build.Tests.Snippets;

/// <summary>Finds the C# snippets of the repository's Markdown pages.</summary>
internal static partial class MarkdownSnippetReader
{
    private static readonly string[] SkippedDirectories = { ".git", "bin", "obj", "node_modules", "TestResults", "BenchmarkDotNet.Artifacts" };

    [GeneratedRegex(@"^(?<indent>\s*)```\s*(?:csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"^\s*```")]
    private static partial Regex AnyFence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<text>.*?)\s*-->\s*$")]
    private static partial Regex Directive();

    /// <summary>
    /// Every Markdown page of the repository (README.md, docs/, the package readmes, spec/README.md and
    /// any page added later): none is left out by name, so a new page's snippets are checked too.
    /// </summary>
    public static IEnumerable<string> MarkdownPages(string repositoryRoot) =>
        Pages(repositoryRoot).Select(path => Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public static IReadOnlyList<MarkdownSnippet> Read(string repositoryRoot, string relativePath) =>
        Parse(relativePath, File.ReadAllLines(Path.Combine(repositoryRoot, relativePath)));

    public static IReadOnlyList<MarkdownSnippet> Parse(string file, IReadOnlyList<string> lines)
    {
        var snippets = new List<MarkdownSnippet>();
        for (var i = 0; i < lines.Count; i++)
        {
            var fence = CSharpFence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var indent = fence.Groups["indent"].Value.Length;
            var end = i + 1;
            while (end < lines.Count && !AnyFence().IsMatch(lines[end]))
            {
                end++;
            }
            if (end == lines.Count)
            {
                throw new FormatException($"{file}:{i + 1}: the C# code block is never closed.");
            }

            var code = string.Join('\n', lines.Skip(i + 1).Take(end - i - 1).Select(line => Unindent(line, indent)));
            var (given, notCompiled) = MarkdownSnippet.ParseDirectives(file, DirectivesAbove(lines, i));
            snippets.Add(new MarkdownSnippet(file, i + 2, code, given, notCompiled));
            i = end;
        }

        return snippets;
    }

    /// <summary>The directive comments on the lines right above a fence, top to bottom.</summary>
    private static IEnumerable<(int Line, string Text)> DirectivesAbove(IReadOnlyList<string> lines, int fenceIndex)
    {
        var directives = new List<(int, string)>();
        for (var j = fenceIndex - 1; j >= 0 && Directive().Match(lines[j]) is { Success: true } match; j--)
        {
            directives.Insert(0, (j + 1, match.Groups["text"].Value));
        }
        return directives;
    }

    private static string Unindent(string line, int indent)
    {
        var spaces = line.Length - line.TrimStart(' ').Length;
        return line[Math.Min(spaces, indent)..];
    }

    private static IEnumerable<string> Pages(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.md"))
        {
            yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (!SkippedDirectories.Contains(Path.GetFileName(child), StringComparer.Ordinal))
            {
                foreach (var file in Pages(child))
                {
                    yield return file;
                }
            }
        }
    }
}
