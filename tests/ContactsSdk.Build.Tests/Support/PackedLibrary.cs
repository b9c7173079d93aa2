using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>
/// The ContactsSdk package as a CI build makes it: <c>dotnet pack</c> of a repository copy with
/// <c>CI=true</c>, once for all the tests of a class. The copy is a git repository without a remote.
/// </summary>
public sealed class PackedLibrary : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private readonly RepositoryCopy _copy;

    public PackedLibrary()
    {
        _copy = RepositoryCopy.Create();
        Feed = Path.Combine(_copy.Parent, "feed");
        Pack = Run(_copy.Root, "pack", "sdk/ContactsSdk/ContactsSdk.csproj", "-o", Feed, "-p:CI=true", "-nodeReuse:false");
        if (Pack.ExitCode == 0)
        {
            Package = Directory.GetFiles(Feed, "ContactsSdk.*.nupkg").Single();
            Symbols = Directory.GetFiles(Feed, "ContactsSdk.*.snupkg").Single();
        }
    }

    internal RepositoryCopy Copy => _copy;

    internal ProcessResult Pack { get; }

    public string Feed { get; }

    public string Package { get; } = "";

    public string Symbols { get; } = "";

    /// <summary>The version in the package's file name.</summary>
    public string Version => Path.GetFileNameWithoutExtension(Package)["ContactsSdk.".Length..];

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
