using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ContactsSdk.Build.Tests.Snippets;
using ContactsSdk.Build.Tests.Support;
using Xunit;

namespace ContactsSdk.Build.Tests;

/// <summary>
/// The promise "add a route by editing the spec and rebuilding", kept by real builds of a copy of
/// the repository: one spec edit, one <c>dotnet build</c>, and the route is callable with its
/// status interpretation; a broken annotation fails that build at its line in the spec.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class ExtendBySpecEditTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    private const string ConsumerProgram = """
        using ContactsSdk;
        using ContactsSdk.Models;
        using Microsoft.Kiota.Abstractions.Authentication;
        using Microsoft.Kiota.Http.HttpClientLibrary;

        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = "https://tenant.rest.marketingcloudapis.com" };
        var client = new ContactsApiClient(adapter);
        var request = client.Contacts.V1.Contacts.Analytics.Deletebatches.ToGetRequestInformation(r => r.QueryParameters.BatchId = 42);
        Console.WriteLine("uri=" + request.URI);

        foreach (var wire in new int?[] { 1, 5, 7, 99, null })
        {
            var batch = new DeleteBatch { StatusId = wire };
            var status = batch.GetDeleteBatchStatus();
            Console.WriteLine($"{wire?.ToString() ?? "null"}={status}/{status.IsPhaseOver()}/{status.GetOutcome()}");
        }
        """;

    [Fact]
    public void A_route_added_to_the_spec_is_callable_and_interpreted_after_one_build_and_a_no_op_build_skips_Kiota()
    {
        using var copy = RepositoryCopy.Create();
        copy.WriteText("spec/contacts.yaml", SpecEdits.AddDeleteBatchesRoute(copy.ReadText("spec/contacts.yaml")));
        var consumer = ConsumerProject.Create(copy, ConsumerProgram);
        // The page that walks through this edit shows a call of the new route: it must compile now.
        File.WriteAllText(Path.Combine(consumer, "DocumentationSnippet.cs"), SnippetCompiler.Wrap(AddingARouteSnippet(copy)));

        var build = DotNet(consumer, "build", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = DotNet(consumer, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("uri=https://tenant.rest.marketingcloudapis.com/contacts/v1/contacts/analytics/deletebatches?batchId=42", run.Output);
        Assert.Contains("1=Processing/False/InProgress", run.Output);
        Assert.Contains("5=Completed/True/Succeeded", run.Output);
        Assert.Contains("7=Invalid/True/Failed", run.Output);
        // Unknown and missing values take the declared fallback instead of being lost.
        Assert.Contains("99=Processing/False/InProgress", run.Output);
        Assert.Contains("null=Processing/False/InProgress", run.Output);

        // A second build with nothing changed must not start Kiota at all.
        var generatedStamp = File.GetLastWriteTimeUtc(copy.PathOf("sdk/ContactsSdk/Generated/kiota-lock.json"));
        var noOp = DotNet(consumer, "build", "-nodeReuse:false", "-v:normal");
        Assert.True(noOp.ExitCode == 0, noOp.ToString());
        Assert.Contains("Skipping target \"Generate\" because all output files are up-to-date", noOp.Output);
        Assert.DoesNotContain("Kiota: generating", noOp.Output);
        Assert.Equal(generatedStamp, File.GetLastWriteTimeUtc(copy.PathOf("sdk/ContactsSdk/Generated/kiota-lock.json")));

        // Nothing but the spec was edited by hand; everything else that changed is Kiota's output.
        var changed = copy.ChangedPaths();
        Assert.Contains("spec/contacts.yaml", changed);
        Assert.Contains(changed, p => p.StartsWith("sdk/ContactsSdk/Generated/Contacts/V1/Contacts/Analytics/", StringComparison.Ordinal));
        Assert.Contains("sdk/ContactsSdk/Generated/Models/DeleteBatch.cs", changed);
        Assert.All(changed, p => Assert.True(p == "spec/contacts.yaml" || p.StartsWith("sdk/ContactsSdk/Generated/", StringComparison.Ordinal), $"unexpected change: {p}"));
    }

    [Fact]
    public void A_broken_annotation_fails_the_build_with_a_diagnostic_at_its_line_in_the_spec()
    {
        using var copy = RepositoryCopy.Create();
        // "Finished" is not one of the member names the annotation declares.
        var spec = SpecEdits.AddDeleteBatchesRoute(copy.ReadText("spec/contacts.yaml"), fallback: "Finished");
        copy.WriteText("spec/contacts.yaml", spec);
        var brokenLine = spec[..spec.IndexOf("fallback: Finished", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var build = DotNet(copy.Root, "build", "sdk/ContactsSdk/ContactsSdk.csproj", "-f", "net10.0", "-nodeReuse:false");

        Assert.NotEqual(0, build.ExitCode);
        var diagnostic = Regex.Match(build.Output, @"contacts\.yaml\((\d+),(\d+)(?:,\d+,\d+)?\): error (CSDK\d+): ([^\[\r\n]*)");
        Assert.True(diagnostic.Success, "no located spec diagnostic in:\n" + build.Output);
        Assert.Equal("CSDK008", diagnostic.Groups[3].Value);
        Assert.Equal(brokenLine, int.Parse(diagnostic.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Finished", diagnostic.Groups[4].Value);
    }

    /// <summary>The call of the new route shown by docs/adding-a-route.md, which only this test can compile.</summary>
    private static MarkdownSnippet AddingARouteSnippet(RepositoryCopy copy)
    {
        var snippet = Assert.Single(MarkdownSnippetReader.Read(copy.Root, "docs/adding-a-route.md"), s => s.NotCompiledReason is not null);
        Assert.Contains("Deletebatches", snippet.Code, StringComparison.Ordinal);
        return snippet;
    }

    private static ProcessResult DotNet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, BuildTimeout);
}
