using System;
using System.IO;
using System.Linq;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>
/// A copy of the repository's source tree in a temporary folder, committed to a fresh git
/// repository so that a test can prove afterwards exactly which files a build changed.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] SkippedDirectories = { ".git", "bin", "obj", "node_modules", "TestResults", "BenchmarkDotNet.Artifacts", ".vs", ".idea" };
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(1);

    private RepositoryCopy(string root) => Root = root;

    /// <summary>The copy's root folder.</summary>
    public string Root { get; }

    /// <summary>The temporary folder holding the copy and anything a test puts beside it.</summary>
    public string Parent => Path.GetDirectoryName(Root)!;

    public static RepositoryCopy Create()
    {
        var parent = Path.Combine(Path.GetTempPath(), "contactssdk-build-" + Guid.NewGuid().ToString("N")[..12]);
        var root = Path.Combine(parent, "repo");
        CopyDirectory(FindRepositoryRoot(), root);
        var copy = new RepositoryCopy(root);
        copy.Git("init", "--quiet");
        copy.Git("add", "--all");
        copy.Git("-c", "user.name=build-test", "-c", "user.email=build-test@example.invalid", "commit", "--quiet", "-m", "baseline");
        return copy;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    public void WriteText(string relative, string text) => File.WriteAllText(PathOf(relative), text);

    /// <summary>Paths git sees as changed or new since the baseline, repository-relative.</summary>
    public string[] ChangedPaths() =>
        Git("status", "--porcelain", "--untracked-files=all").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[3..].Trim())
            .ToArray();

    public ProcessResult Git(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, Root, GitTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        }
        return result;
    }

    internal static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactsSdk.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The test runs outside the repository: ContactsSdk.sln was not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            // In a git worktree (or a submodule) .git is a file that points at the real repository:
            // copied, it would make the copy's git commands act on that repository.
            if (Path.GetFileName(file) == ".git")
            {
                continue;
            }
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (!SkippedDirectories.Contains(name, StringComparer.Ordinal))
            {
                CopyDirectory(directory, Path.Combine(destination, name));
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the OS cleans temp folders.
        }
    }
}
