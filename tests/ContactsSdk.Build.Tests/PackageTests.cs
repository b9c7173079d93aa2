using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using ContactsSdk.Build.Tests.Support;
using Xunit;

namespace ContactsSdk.Build.Tests;

/// <summary>
/// The library as a package: <c>dotnet pack</c> of a repository copy gives a package that an app
/// outside the repository restores from a local feed and runs, with the generated status types
/// compiled in and nothing of the build-time generators among its dependencies.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class PackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private const string ConsumerProgram = """
        using ContactsSdk;
        using ContactsSdk.Configuration;
        using ContactsSdk.Generated.Models;

        var response = new DeleteStatusResponse
        {
            Operation = new DeleteOperation { Status = "Completed" },
            BackgroundOperationsSummary = [new BackgroundOperationSummary { BackgroundOperationStatusID = "Completed" }],
        };
        var state = response.GetDeletionState();
        Console.WriteLine($"state={state.Phase}/{state.State}/{state.IsFullyProcessed}");

        using var client = new ContactsClient(new ContactsClientOptions { Subdomain = "mc563885gzs27c5t9-63k636ttgm", ClientId = "id", ClientSecret = "secret" });
        Console.WriteLine("rest=" + client.Api.Contacts.V1.Contacts.Actions.DeletePath.Status.ToGetRequestInformation(r => r.QueryParameters.OperationID = 7).URI);
        """;

    [Fact]
    public void The_packed_library_restores_and_runs_in_an_outside_app_without_the_generators()
    {
        using var copy = RepositoryCopy.Create();
        var feed = Path.Combine(copy.Parent, "feed");
        var pack = DotNet(copy.Root, "pack", "sdk/ContactsSdk/ContactsSdk.csproj", "-o", feed, "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var package = Assert.Single(Directory.GetFiles(feed, "ContactsSdk.*.nupkg"));
        using (var archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net8.0/ContactsSdk.dll", entries);
            Assert.Contains("lib/net10.0/ContactsSdk.dll", entries);
            Assert.Contains("lib/net10.0/ContactsSdk.xml", entries);
            Assert.Contains("README.md", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.EndsWith(".yaml", StringComparison.Ordinal));

            using var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct().ToArray();
            Assert.Contains("Microsoft.Kiota.Abstractions", dependencies);
            Assert.DoesNotContain(dependencies, id => id.Contains("CodeAnalysis", StringComparison.Ordinal) || id.Contains("OpenApi", StringComparison.Ordinal)
                || id.Contains("SharpYaml", StringComparison.Ordinal) || id.Contains("Generator", StringComparison.Ordinal));
        }

        var version = Path.GetFileNameWithoutExtension(package)["ContactsSdk.".Length..];
        var consumer = ConsumerProject.CreateFromPackage(copy, feed, version, ConsumerProgram);
        var run = DotNet(consumer, "run", "-nodeReuse:false", "-p:RestorePackagesPath=" + Path.Combine(copy.Parent, "packages"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("state=Delete/Deleted/True", run.Output);
        Assert.Contains("rest=https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/contacts/v1/contacts/actions/delete/status?operationID=7", run.Output);
    }

    private static ProcessResult DotNet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, Timeout);
}
