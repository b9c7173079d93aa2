using System;
using System.IO;
using Xunit;

namespace ContactsSdk.Testing;

/// <summary>
/// Baselines kept as committed files: a test compares its output with the file; with
/// CONTACTSSDK_UPDATE_BASELINES=1 it rewrites the file instead (then review the diff). Shared by the
/// test projects; each one knows where its baselines live.
/// </summary>
internal static class BaselineFile
{
    public const string UpdateVariable = "CONTACTSSDK_UPDATE_BASELINES";

    public static bool Updating =>
        Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true" or "TRUE" or "True";

    /// <param name="path">The baseline file.</param>
    /// <param name="name">How the failure message names it.</param>
    /// <param name="actual">What the test produced.</param>
    public static void AssertMatches(string path, string name, string actual)
    {
        actual = Normalize(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Baseline {name} is missing; run the tests with {UpdateVariable}=1 to write it, then review it.");
        var expected = Normalize(File.ReadAllText(path));
        Assert.True(
            expected == actual,
            $"The output differs from baseline {name} (run with {UpdateVariable}=1 to accept the new output, then review the diff).\n{FirstDifference(expected, actual)}");
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
