using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContactsSdk.Build.Tests.Snippets;
using ContactsSdk.Build.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Build.Tests;

/// <summary>
/// Every C# snippet of every Markdown page of the repository compiles against the built libraries, by
/// the rule in CONTRIBUTING.md; a snippet left out says why in the page, and the run lists it.
/// </summary>
public sealed class DocumentationSnippetTests(ITestOutputHelper output)
{
    private static readonly string Root = RepositoryCopy.FindRepositoryRoot();

    [Fact]
    public void Every_csharp_snippet_in_the_markdown_pages_compiles()
    {
        var snippets = AllSnippets();
        var failures = new List<string>();
        foreach (var snippet in snippets.Where(s => s.NotCompiledReason is null))
        {
            var diagnostics = SnippetCompiler.Diagnose(snippet);
            if (diagnostics.Count > 0)
            {
                failures.Add($"The snippet at {snippet.Location} does not compile:\n  " + string.Join("\n  ", diagnostics));
            }
        }

        foreach (var skipped in snippets.Where(s => s.NotCompiledReason is not null))
        {
            output.WriteLine($"not compiled: {skipped.Location} ({skipped.NotCompiledReason})");
        }

        // The pages that hold snippets today: a reader that found none would pass without checking anything.
        Assert.Contains(snippets, s => s.File == "README.md");
        Assert.Contains(snippets, s => s.File.StartsWith("docs/", StringComparison.Ordinal));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        output.WriteLine($"{snippets.Count(s => s.NotCompiledReason is null)} snippets compiled in {snippets.Select(s => s.File).Distinct().Count()} pages.");
    }

    [Fact]
    public void The_README_s_first_snippet_needs_two_using_lines()
    {
        // Basic use (a client, its options, a deletion followed to its end) takes two namespaces.
        var first = AllSnippets().First(s => s.File == "README.md");

        var usings = first.CodeLines.Select(line => line.TrimEnd()).Where(line => Regex.IsMatch(line, @"^using\s+[\w.]+\s*;")).ToList();

        Assert.Equal(["using ContactsSdk;", "using ContactsSdk.Models;"], usings);
        Assert.Empty(SnippetCompiler.Diagnose(first));
    }

    [Fact]
    public void A_snippet_that_does_not_compile_is_reported_with_its_page_its_line_and_the_compiler_diagnostic()
    {
        string[] page =
        [
            "# A page",
            "",
            "<!-- snippet: given ContactsSdk.ContactsClient client -->",
            "```csharp",
            "using ContactsSdk;",
            "",
            "var status = await client.Api.Contacts.V1.Contacts.Actions.Delete.Status.GetAsync();",
            "```",
        ];
        var snippet = Assert.Single(MarkdownSnippetReader.Parse("docs/page.md", page));

        var diagnostic = Assert.Single(SnippetCompiler.Diagnose(snippet));

        Assert.StartsWith("docs/page.md:7: error CS1061:", diagnostic, StringComparison.Ordinal);
        Assert.Contains("'Delete'", diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_declarations_usings_and_an_indented_block_compile_by_the_documented_rule()
    {
        string[] page =
        [
            "- In a list item:",
            "",
            "  <!-- snippet: given ContactsSdk.ContactsClient client; long operationId -->",
            "  ```cs",
            "  using System.Text;",
            "",
            "  var text = new StringBuilder().Append(operationId);",
            "  var status = await client.GetDeletionStatusAsync(operationId);",
            "  Console.WriteLine(text.Append(status.GetType().Name));",
            "  ```",
        ];
        var snippet = Assert.Single(MarkdownSnippetReader.Parse("README.md", page));

        Assert.Equal(5, snippet.Line);
        Assert.Equal(["ContactsSdk.ContactsClient client", "long operationId"], snippet.Given);
        Assert.Empty(SnippetCompiler.Diagnose(snippet));
    }

    [Theory]
    [InlineData("<!-- snippet: maybe-compile -->", "unknown snippet directive 'maybe-compile'")]
    [InlineData("<!-- snippet: not-compiled -->", "unknown snippet directive 'not-compiled'")]
    [InlineData("<!-- snippet: given client -->", "a 'given' declaration must be 'Type name'")]
    public void A_malformed_directive_is_an_error_naming_its_page_and_line(string directive, string message)
    {
        string[] page = ["Text", directive, "```csharp", "Console.WriteLine();", "```"];

        var error = Assert.Throws<FormatException>(() => MarkdownSnippetReader.Parse("docs/page.md", page));

        Assert.Contains("docs/page.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snippet_marked_not_compiled_keeps_its_reason()
    {
        string[] page = ["<!-- snippet: not-compiled (calls a route this page adds) -->", "```c#", "var x = Undeclared;", "```"];

        var snippet = Assert.Single(MarkdownSnippetReader.Parse("docs/page.md", page));

        Assert.Equal("calls a route this page adds", snippet.NotCompiledReason);
    }

    private static IReadOnlyList<MarkdownSnippet> AllSnippets() =>
        MarkdownSnippetReader.MarkdownPages(Root).SelectMany(page => MarkdownSnippetReader.Read(Root, page)).ToList();
}
