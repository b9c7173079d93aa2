using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>
/// Emitted-source baselines: committed files under Baselines/. A test compares its output with the
/// file; set CONTACTSSDK_UPDATE_BASELINES=1 to rewrite the files instead (then review the diff).
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "CONTACTSSDK_UPDATE_BASELINES";

    public static bool Updating =>
        Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true" or "TRUE" or "True";

    public static void AssertMatches(string relativePath, string actual)
    {
        var path = Path.Combine(TestPaths.ProjectDirectory, "Baselines", relativePath);
        actual = Normalize(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Baseline {relativePath} is missing; run the tests with {UpdateVariable}=1 to write it, then review it.");
        var expected = Normalize(File.ReadAllText(path));
        Assert.True(
            expected == actual,
            $"Generated source differs from baseline {relativePath} (run with {UpdateVariable}=1 to accept the new output, then review the diff).\n{FirstDifference(expected, actual)}");
    }

    /// <summary>Compares a whole set of files with a baseline folder, including files that should no longer exist.</summary>
    public static void AssertDirectoryMatches(string relativeDirectory, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(TestPaths.ProjectDirectory, "Baselines", relativeDirectory);
        var stale = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Select(Path.GetFileName).Where(name => !files.ContainsKey(name!)).ToList()
            : new List<string?>();
        if (Updating)
        {
            foreach (var name in stale)
            {
                File.Delete(Path.Combine(directory, name!));
            }
        }
        else
        {
            Assert.True(stale.Count == 0, $"Baselines without a generated file: {string.Join(", ", stale)} (run with {UpdateVariable}=1 to remove them).");
        }

        foreach (var (name, text) in files)
        {
            AssertMatches(Path.Combine(relativeDirectory, name), text);
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a)
            {
                return $"line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }

        return "(no line differs)";
    }
}
