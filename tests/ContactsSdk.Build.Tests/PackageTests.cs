using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ContactsSdk.Build.Tests.Support;
using Xunit;

namespace ContactsSdk.Build.Tests;

/// <summary>
/// The library as a package, packed from a repository copy as CI packs it: an app outside the
/// repository restores it from a local feed and runs it, with the generated status types compiled in
/// and nothing of the build-time generators among its dependencies; its metadata is complete and
/// claims nothing untrue; its symbols come in a .snupkg; no machine path is left in its binaries.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class PackageTests(PackedLibrary packed) : IClassFixture<PackedLibrary>
{
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

    /// <summary>What the library needs at run time, and nothing else (the SDK's telemetry uses System.Diagnostics only).</summary>
    private static readonly string[] ExpectedDependencies =
    {
        "Microsoft.Extensions.Http",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Options.ConfigurationExtensions",
        "Microsoft.Kiota.Abstractions",
        "Microsoft.Kiota.Http.HttpClientLibrary",
        "Microsoft.Kiota.Serialization.Json",
    };

    private static readonly string[] TargetFrameworks = { "net8.0", "net10.0" };

    [Fact]
    public void The_packed_library_restores_and_runs_in_an_outside_app_without_the_generators()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        var entries = PackedLibrary.Entries(packed.Package);
        foreach (var framework in TargetFrameworks)
        {
            Assert.Contains($"lib/{framework}/ContactsSdk.dll", entries);
            Assert.Contains($"lib/{framework}/ContactsSdk.xml", entries);
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.EndsWith(".yaml", StringComparison.Ordinal));

        var consumer = ConsumerProject.CreateFromPackage(packed.Copy, packed.Feed, packed.Version, ConsumerProgram);
        var run = PackedLibrary.Run(consumer, "run", "-nodeReuse:false", "-p:RestorePackagesPath=" + Path.Combine(packed.Copy.Parent, "packages"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("state=Delete/Deleted/True", run.Output);
        Assert.Contains("rest=https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/contacts/v1/contacts/actions/delete/status?operationID=7", run.Output);
    }

    [Fact]
    public void The_package_carries_its_license_authors_description_tags_icon_readme_and_the_repository_version()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        var nuspec = packed.ReadNuspec();
        string Field(string name) => nuspec.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

        var versionPrefix = Regex.Match(packed.Copy.ReadText("Directory.Build.props"), "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
        Assert.Equal(versionPrefix, Field("version"));
        Assert.Equal(versionPrefix, packed.Version);
        Assert.Equal("ContactsSdk contributors", Field("authors"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("expression", nuspec.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Contains("Marketing Cloud", Field("description"), StringComparison.Ordinal);
        Assert.Contains("gdpr", Field("tags").Split(' '));
        Assert.Contains("ContactsSdk contributors", Field("copyright"), StringComparison.Ordinal);
        Assert.Equal("icon.png", Field("icon"));
        Assert.Equal("README.md", Field("readme"));

        var icon = PackedLibrary.ReadEntry(packed.Package, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, icon[..4]);
        // No remote in this repository: no repository URL and no project URL may be claimed.
        Assert.Null(nuspec.Elements().SingleOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url"));
        Assert.Equal("", Field("projectUrl"));
    }

    [Fact]
    public void The_readme_is_written_for_NuGet_readers()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        var readme = Encoding.UTF8.GetString(PackedLibrary.ReadEntry(packed.Package, "README.md"));

        Assert.Contains("AddContactsSdk", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet test", readme, StringComparison.Ordinal);
        // Links other than absolute ones would point into a repository the reader does not have.
        var relativeLinks = Regex.Matches(readme, @"\]\((?!https?://)([^)]*)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.Empty(relativeLinks);
    }

    [Fact]
    public void Dependencies_are_the_runtime_ones_only_for_every_target_framework()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        var groups = packed.ReadNuspec().Descendants().Where(e => e.Name.LocalName == "group").ToArray();

        Assert.Equal(TargetFrameworks.OrderBy(f => f), groups.Select(g => g.Attribute("targetFramework")!.Value).OrderBy(f => f));
        foreach (var group in groups)
        {
            var ids = group.Elements().Select(e => e.Attribute("id")!.Value).OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(ExpectedDependencies, ids);
        }
    }

    [Fact]
    public void Symbols_come_in_a_snupkg_and_no_machine_path_is_left_in_the_dll_or_the_pdb()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        Assert.DoesNotContain(PackedLibrary.Entries(packed.Package), e => e.EndsWith(".pdb", StringComparison.Ordinal));
        var machinePaths = new[] { packed.Copy.Root, packed.Copy.Parent, Path.GetTempPath().TrimEnd('/'), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
            .Where(p => p.Length > 1).Distinct().ToArray();

        foreach (var framework in TargetFrameworks)
        {
            var dll = PackedLibrary.ReadEntry(packed.Package, $"lib/{framework}/ContactsSdk.dll");
            var pdb = PackedLibrary.ReadEntry(packed.Symbols, $"lib/{framework}/ContactsSdk.pdb");

            var pdbPath = BinaryPaths.CodeViewPdbPath(dll);
            Assert.StartsWith("/_/", pdbPath, StringComparison.Ordinal);
            Assert.Equal("", BinaryPaths.SourceLinkJson(pdb)); // no remote, no source server claimed
            var documents = BinaryPaths.PdbDocuments(pdb);
            Assert.Contains("/_/sdk/ContactsSdk/ContactsClient.cs", documents);
            Assert.All(documents, d => Assert.True(d.StartsWith("/_/", StringComparison.Ordinal), $"{framework}: source path {d} is not mapped"));
            foreach (var path in machinePaths)
            {
                Assert.False(BinaryPaths.Contains(dll, path), $"{framework}: the DLL holds {path}");
                Assert.False(BinaryPaths.Contains(pdb, path), $"{framework}: the PDB holds {path}");
            }
        }
    }

    [Fact]
    public void Source_Link_comes_into_play_once_the_repository_has_a_remote()
    {
        // An example remote in a throwaway copy: the package and the PDB must point at it, while
        // the repository itself (no remote) claims none (see the metadata test).
        const string Remote = "https://github.com/contactssdk-example/contactssdk";
        using var copy = RepositoryCopy.Create();
        copy.Git("remote", "add", "origin", Remote + ".git");
        var feed = Path.Combine(copy.Parent, "feed");

        var pack = PackedLibrary.Run(copy.Root, "pack", "sdk/ContactsSdk/ContactsSdk.csproj", "-o", feed, "-p:CI=true", "-nodeReuse:false");

        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Directory.GetFiles(feed, "ContactsSdk.*.nupkg").Single();
        var repository = PackedLibrary.ReadNuspec(package).Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Remote + ".git", repository.Attribute("url")?.Value);
        var commit = copy.Git("rev-parse", "HEAD").Output.Trim();
        Assert.Equal(commit, repository.Attribute("commit")?.Value);
        var pdb = PackedLibrary.ReadEntry(Directory.GetFiles(feed, "ContactsSdk.*.snupkg").Single(), "lib/net10.0/ContactsSdk.pdb");
        var sourceLink = BinaryPaths.SourceLinkJson(pdb);
        Assert.Contains("/_/", sourceLink, StringComparison.Ordinal);
        Assert.Contains("raw.githubusercontent.com/contactssdk-example/contactssdk/" + commit, sourceLink, StringComparison.Ordinal);
    }
}
