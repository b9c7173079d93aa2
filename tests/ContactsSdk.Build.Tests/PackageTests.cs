using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
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
        using ContactsSdk.Models;

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

    /// <summary>
    /// An erasure from submission to receipt with the two packages built on ContactsSdk: the emulator
    /// (its Kestrel framework reference flows to the app) and the erasure workflow (Quartz and SQLite
    /// come as its dependencies), in a generic host as a worker service would run it.
    /// </summary>
    private const string ErasureConsumerProgram = """
        using System.Globalization;
        using ContactsSdk;
        using ContactsSdk.Erasure;
        using ContactsSdk.Testing;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var ledger = Path.Combine(Path.GetTempPath(), $"package-check-{Guid.NewGuid():N}.db");
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            NumberOfRestorableDays = 0,
            DeleteCallFixedTime = TimeSpan.FromMilliseconds(200),
            DeleteCallTimePerContact = TimeSpan.Zero,
            DeletePhaseDuration = TimeSpan.FromMilliseconds(200),
        });
        var builder = Host.CreateApplicationBuilder();
        var services = builder.Services;
        services.AddContactsSdk(o =>
        {
            o.EndpointOverride = emulator.BaseAddress;
            o.ClientId = emulator.Credentials.ClientId;
            o.ClientSecret = emulator.Credentials.ClientSecret;
            o.AccountId = new AccountId(emulator.Credentials.AccountId);
        });
        services.AddContactsErasure(o =>
        {
            o.UseSqlite(ledger);
            o.SubjectHashKey = "package-check-subject-hash-key-0123456789"u8.ToArray();
            o.FirstPollDelay = TimeSpan.FromMilliseconds(200);
            o.MaxPollInterval = TimeSpan.FromSeconds(1);
        });
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var erasures = host.Services.GetRequiredService<IErasureService>();
            await erasures.SubmitAsync(new ErasureRequest("package-check", ErasureSubjects.ContactKeys(["package-contact"])));
            for (var i = 0; i < 600 && (await erasures.GetAsync("package-check"))!.State != ErasureState.Closed; i++)
            {
                await Task.Delay(100);
            }
            var receipt = await erasures.GetReceiptAsync("package-check");
            Console.WriteLine($"erasure={receipt.Verdict}/{receipt.Schema}/{(await erasures.VerifyLedgerAsync()).IsIntact}");
            await host.StopAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(ledger);
        """;

    /// <summary>The generic host the erasure consumer runs in (the version the repository tests with).</summary>
    private const string HostingVersion = "11.0.0";

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
    public void The_erasure_and_emulator_packages_restore_beside_it_and_run_an_erasure_to_its_receipt_in_an_outside_app()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        Assert.True(packed.PackDependents?.ExitCode == 0, packed.PackDependents?.ToString());
        foreach (var id in new[] { "ContactsSdk.Erasure", "ContactsSdk.Testing" })
        {
            var nuspec = PackedLibrary.ReadNuspec(packed.PackageOf(id));
            Assert.Equal("MIT", nuspec.Elements().Single(e => e.Name.LocalName == "license").Value);
            Assert.Equal("README.md", nuspec.Elements().Single(e => e.Name.LocalName == "readme").Value);
            Assert.DoesNotContain(PackedLibrary.Entries(packed.PackageOf(id)), e => e.EndsWith("/ContactsSdk.dll", StringComparison.Ordinal));
        }
        // The erasure workflow takes the SDK as a dependency of the same version; the emulator speaks
        // the wire format only and deliberately does not depend on the SDK.
        static bool DependsOnSdk(XElement nuspec, string version) =>
            nuspec.Descendants().Any(e => e.Name.LocalName == "dependency" && e.Attribute("id")?.Value == "ContactsSdk" && e.Attribute("version")?.Value == version);
        Assert.True(DependsOnSdk(PackedLibrary.ReadNuspec(packed.PackageOf("ContactsSdk.Erasure")), packed.Version));
        Assert.False(DependsOnSdk(PackedLibrary.ReadNuspec(packed.PackageOf("ContactsSdk.Testing")), packed.Version));

        var consumer = ConsumerProject.CreateFromPackages(packed.Copy, "erasure-consumer", packed.Feed, packed.Version, ["ContactsSdk.Erasure", "ContactsSdk.Testing"], ErasureConsumerProgram, "Microsoft.Extensions.Hosting/" + HostingVersion);
        var run = PackedLibrary.Run(consumer, "run", "-nodeReuse:false", "-p:RestorePackagesPath=" + Path.Combine(packed.Copy.Parent, "packages"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("erasure=Deleted/contactssdk.erasure-receipt/1/True", run.Output);
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
