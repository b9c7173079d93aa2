using System;
using System.IO;
using System.Linq;
using ContactsSdk.Build.Tests.Support;
using Xunit;

namespace ContactsSdk.Build.Tests;

/// <summary>
/// The public API of the libraries is tracked by the public API analyzers (PublicAPI.Shipped.txt and
/// PublicAPI.Unshipped.txt beside each project): a real build of a repository copy fails on a public
/// member missing from the files (RS0016) and on a listed member that no longer exists (RS0017), and
/// passes again once the files are brought up to date as docs/releasing.md says.
/// ContactsSdk.Testing is the library edited: it builds without Kiota, so the test stays short.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class PublicApiTrackingTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    private const string Project = "sdk/ContactsSdk.Testing/ContactsSdk.Testing.csproj";
    private const string Unshipped = "sdk/ContactsSdk.Testing/PublicAPI.Unshipped.txt";
    // A line for a member the library does not have (one that was removed, say).
    private const string VanishedLine = "ContactsSdk.Testing.EmulatedContact.Nickname.get -> string!";

    private const string AddedType = """
        namespace ContactsSdk.Testing;

        /// <summary>A member added without declaring it.</summary>
        public static class UndeclaredProbe
        {
            /// <summary>Undeclared.</summary>
            public static int Added() => 1;
        }
        """;

    [Fact]
    public void An_undeclared_or_vanished_public_member_fails_the_build_until_the_api_files_are_updated()
    {
        using var copy = RepositoryCopy.Create();
        copy.WriteText("sdk/ContactsSdk.Testing/UndeclaredProbe.cs", AddedType);
        var unshipped = copy.ReadText(Unshipped);
        copy.WriteText(Unshipped, unshipped.TrimEnd('\n') + "\n" + VanishedLine + "\n");

        var build = DotNet(copy.Root, "build", Project, "-nodeReuse:false");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(ErrorLines(build, "RS0016"), line => line.Contains("UndeclaredProbe.cs", StringComparison.Ordinal) && line.Contains("Added", StringComparison.Ordinal));
        Assert.Contains(ErrorLines(build, "RS0017"), line => line.Contains("EmulatedContact.Nickname", StringComparison.Ordinal));

        // The documented update: one command declares every new member; the line an RS0017 error
        // names is deleted by hand (no code fix removes lines).
        var update = DotNet(copy.Root, "format", "analyzers", Project, "--diagnostics", "RS0016", "--severity", "info");
        Assert.True(update.ExitCode == 0, update.ToString());
        var updated = copy.ReadText(Unshipped);
        Assert.Contains("static ContactsSdk.Testing.UndeclaredProbe.Added() -> int", updated, StringComparison.Ordinal);
        Assert.Equal(unshipped.Split('\n').Count(line => line.Length > 0) + 3, updated.Split('\n').Count(line => line.Length > 0));
        copy.WriteText(Unshipped, string.Join('\n', updated.Split('\n').Where(line => line.TrimEnd('\r') != VanishedLine)));

        var rebuild = DotNet(copy.Root, "build", Project, "-nodeReuse:false");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
    }

    private static string[] ErrorLines(ProcessResult build, string id) =>
        build.Output.Split('\n').Where(line => line.Contains($"error {id}:", StringComparison.Ordinal)).ToArray();

    private static ProcessResult DotNet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, BuildTimeout);
}
