using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ContactsSdk.Build.Tests.Support;
using Xunit;

namespace ContactsSdk.Build.Tests;

/// <summary>
/// A mistake in the spec's YAML is reported at its line in the spec before Kiota runs, and never
/// costs the committed client: real builds of a repository copy, each checking the located message,
/// that Kiota never started, and that every file of Generated/ is byte for byte what it was.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class SpecMistakeTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);
    private const string GeneratedFolder = "sdk/ContactsSdk/Generated";

    [Fact]
    public void A_YAML_syntax_error_is_located_and_Generated_is_left_intact()
    {
        // An unclosed flow sequence: not YAML at all.
        AssertLocatedAndIntact(
            spec => spec.Replace("  version: 1.0.0\n", "  version: [1.0.0\n", StringComparison.Ordinal),
            "CSDK001",
            "version: [1.0.0",
            "did not find expected ',' or ']'");
    }

    [Fact]
    public void A_duplicate_key_is_located_at_its_second_occurrence_and_Generated_is_left_intact()
    {
        // Some YAML readers keep the first value, some the last: the spec would mean two things.
        AssertLocatedAndIntact(
            spec => spec.Replace("      operationId: getDeleteStatus\n", "      operationId: getDeleteStatus\n      operationId: getDeletionStatus\n", StringComparison.Ordinal),
            "CSDK019",
            "operationId: getDeletionStatus",
            "The key 'operationId' appears twice in one mapping");
    }

    [Fact]
    public void A_spec_Kiota_refuses_fails_the_build_and_Generated_is_left_intact()
    {
        // Well-formed YAML that passes the spec check, but an OpenAPI version Kiota does not read:
        // Kiota fails, and its partial output in the staging folder is thrown away.
        using var copy = RepositoryCopy.Create();
        var before = Snapshot(copy);
        copy.WriteText("spec/contacts.yaml", copy.ReadText("spec/contacts.yaml").Replace("openapi: 3.0.3\n", "openapi: 9.9.9\n", StringComparison.Ordinal));

        var build = ProcessRunner.Run("dotnet", ["build", "sdk/ContactsSdk/ContactsSdk.csproj", "-f", "net10.0", "-nodeReuse:false"], copy.Root, BuildTimeout);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Kiota: generating", build.Output, StringComparison.Ordinal);
        Assert.Matches(@"contacts\.yaml ?: error : Kiota could not generate the client from this spec", build.Output);
        Assert.Equal(before, Snapshot(copy));
        Assert.Equal(["spec/contacts.yaml"], copy.ChangedPaths());
        Assert.False(Directory.Exists(copy.PathOf("sdk/ContactsSdk/.kiota-staging")));
    }

    private static void AssertLocatedAndIntact(Func<string, string> breakSpec, string expectedId, string lineMarker, string expectedMessage)
    {
        using var copy = RepositoryCopy.Create();
        var before = Snapshot(copy);
        var spec = breakSpec(copy.ReadText("spec/contacts.yaml"));
        Assert.NotEqual(copy.ReadText("spec/contacts.yaml"), spec);
        copy.WriteText("spec/contacts.yaml", spec);
        var lineIndex = spec.IndexOf(lineMarker, StringComparison.Ordinal);
        Assert.True(lineIndex >= 0, $"the broken spec has no '{lineMarker}'");
        var markerLine = spec[..lineIndex].Count(c => c == '\n') + 1;

        var build = ProcessRunner.Run("dotnet", ["build", "sdk/ContactsSdk/ContactsSdk.csproj", "-f", "net10.0", "-nodeReuse:false"], copy.Root, BuildTimeout);

        Assert.NotEqual(0, build.ExitCode);
        var diagnostic = Regex.Match(build.Output, @"contacts\.yaml\((\d+),(\d+)\): error (CSDK\d+): ([^\r\n]*)");
        Assert.True(diagnostic.Success, "no located spec error in:\n" + build.Output);
        Assert.Equal(expectedId, diagnostic.Groups[3].Value);
        // A syntax error is found where the parser gives up: on the broken line or the next one.
        var line = int.Parse(diagnostic.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(line, markerLine, markerLine + 1);
        Assert.Contains(expectedMessage, diagnostic.Groups[4].Value, StringComparison.Ordinal);
        // The error is the spec's, not the Kiota step's project file, and Kiota never ran.
        Assert.DoesNotContain("KiotaGenerate.proj(", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Kiota: generating", build.Output, StringComparison.Ordinal);

        Assert.Equal(before, Snapshot(copy));
        Assert.Equal(["spec/contacts.yaml"], copy.ChangedPaths());
        Assert.False(Directory.Exists(copy.PathOf("sdk/ContactsSdk/.kiota-staging")));
    }

    /// <summary>Every file of Generated/ with the SHA-256 of its content, in path order.</summary>
    private static IReadOnlyList<string> Snapshot(RepositoryCopy copy)
    {
        var root = copy.PathOf(GeneratedFolder);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/') + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
