using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>
/// The packages as a CI build makes them: <c>dotnet pack</c> of a repository copy with
/// <c>CI=true</c>, once for all the tests of a class: ContactsSdk, then the libraries built on it
/// (the erasure workflow and the emulator) into the same feed. The copy is a git repository without a remote.
/// </summary>
public sealed class PackedLibrary : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private readonly RepositoryCopy _copy;

    public PackedLibrary()
    {
        _copy = RepositoryCopy.Create();
        Feed = Path.Combine(_copy.Parent, "feed");
        Pack = PackProject("sdk/ContactsSdk/ContactsSdk.csproj");
        if (Pack.ExitCode == 0)
        {
            Package = Path.Combine(Feed, $"ContactsSdk.{VersionOf(Feed)}.nupkg");
            Symbols = Path.ChangeExtension(Package, ".snupkg");
            PackDependents = PackProject("sdk/ContactsSdk.Testing/ContactsSdk.Testing.csproj");
            if (PackDependents.ExitCode == 0)
            {
                PackDependents = PackProject("sdk/ContactsSdk.Erasure/ContactsSdk.Erasure.csproj");
            }
        }
    }

    internal RepositoryCopy Copy => _copy;

    internal ProcessResult Pack { get; }

    /// <summary>The packing of ContactsSdk.Testing and ContactsSdk.Erasure (the first that failed, or the last).</summary>
    internal ProcessResult? PackDependents { get; }

    public string Feed { get; }

    public string Package { get; } = "";

    public string Symbols { get; } = "";

    /// <summary>The version in the package's file name.</summary>
    public string Version => Path.GetFileNameWithoutExtension(Package)["ContactsSdk.".Length..];

    /// <summary>The package of another library of the repository, in the same feed.</summary>
    public string PackageOf(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    private ProcessResult PackProject(string project) =>
        Run(_copy.Root, "pack", project, "-o", Feed, "-p:CI=true", "-nodeReuse:false");

    /// <summary>The version of the one ContactsSdk package in <paramref name="feed"/> (the only name with a digit after the ID).</summary>
    private static string VersionOf(string feed) => Directory.GetFiles(feed, "ContactsSdk.*.nupkg")
        .Select(p => Path.GetFileNameWithoutExtension(p)["ContactsSdk.".Length..])
        .Single(v => char.IsAsciiDigit(v[0]));

    public XElement ReadNuspec() => ReadNuspec(Package);

    public static XElement ReadNuspec(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public static byte[] ReadEntry(string package, string path)
    {
        using var archive = ZipFile.OpenRead(package);
        using var stream = archive.GetEntry(path)?.Open() ?? throw new FileNotFoundException($"{path} is not in {Path.GetFileName(package)}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string[] Entries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    internal static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, Timeout);

    public void Dispose() => _copy.Dispose();
}
