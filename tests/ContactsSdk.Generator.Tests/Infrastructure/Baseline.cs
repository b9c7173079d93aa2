using System.Collections.Generic;
using System.IO;
using System.Linq;
using ContactsSdk.TestSupport;
using Xunit;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>
/// Emitted-source baselines: committed files under Baselines/, compared (or refreshed with
/// CONTACTSSDK_UPDATE_BASELINES=1) by <see cref="BaselineFile"/>.
/// </summary>
internal static class Baseline
{
    public static void AssertMatches(string relativePath, string actual) =>
        BaselineFile.AssertMatches(Path.Combine(TestPaths.ProjectDirectory, "Baselines", relativePath), relativePath, actual);

    /// <summary>Compares a whole set of files with a baseline folder, including files that should no longer exist.</summary>
    public static void AssertDirectoryMatches(string relativeDirectory, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(TestPaths.ProjectDirectory, "Baselines", relativeDirectory);
        var stale = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Select(Path.GetFileName).Where(name => !files.ContainsKey(name!)).ToList()
            : new List<string?>();
        if (BaselineFile.Updating)
        {
            foreach (var name in stale)
            {
                File.Delete(Path.Combine(directory, name!));
            }
        }
        else
        {
            Assert.True(stale.Count == 0, $"Baselines without a generated file: {string.Join(", ", stale)} (run with {BaselineFile.UpdateVariable}=1 to remove them).");
        }

        foreach (var (name, text) in files)
        {
            AssertMatches(Path.Combine(relativeDirectory, name), text);
        }
    }
}
