using System;
using System.IO;
using Xunit;

namespace ContactsSdk.TestSupport;

/// <summary>
/// Baselines kept as committed files: a test compares its output with the file; with
/// CONTACTSSDK_UPDATE_BASELINES=1 it rewrites the file instead (then review the diff). Shared by the
/// test projects (tests/ContactsSdk.TestSupport); each one knows where its baselines live.
/// </summary>
/// <remarks>
/// Under CI (CI=true) the update mode is refused: a baseline test that rewrote its file there would
/// pass whatever the output, and the rewritten file would be thrown away with the CI checkout.
/// </remarks>
public static class BaselineFile
{
    public const string UpdateVariable = "CONTACTSSDK_UPDATE_BASELINES";

    /// <summary>
    /// Whether the tests should rewrite their baselines. Fails the calling test when the update mode is
    /// asked for under CI, so that a CI run can never pass by rewriting what it should compare.
    /// </summary>
    public static bool Updating => UpdateRequested(Environment.GetEnvironmentVariable);

    /// <param name="path">The baseline file.</param>
    /// <param name="name">How the failure message names it.</param>
    /// <param name="actual">What the test produced.</param>
    public static void AssertMatches(string path, string name, string actual) =>
        AssertMatches(path, name, actual, Environment.GetEnvironmentVariable);

    /// <summary>The same comparison, with the environment read through <paramref name="environment"/>.</summary>
    public static void AssertMatches(string path, string name, string actual, Func<string, string?> environment)
    {
        actual = Normalize(actual);
        if (UpdateRequested(environment))
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

    /// <summary>
    /// Whether <see cref="UpdateVariable"/> asks for an update; under CI that request fails the test
    /// instead (before anything is written).
    /// </summary>
    public static bool UpdateRequested(Func<string, string?> environment)
    {
        if (!IsSet(environment(UpdateVariable)))
        {
            return false;
        }

        if (IsSet(environment("CI")))
        {
            Assert.Fail($"{UpdateVariable} is set under CI (CI=true): baselines are refreshed on a developer's machine and their diff reviewed, never rewritten by a CI run.");
        }

        return true;
    }

    private static bool IsSet(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

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
