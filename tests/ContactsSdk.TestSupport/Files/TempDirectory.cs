using System;
using System.IO;

namespace ContactsSdk.TestSupport;

/// <summary>A directory under the system temp path, deleted with its content on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <param name="prefix">The start of the directory's name, so a leftover one tells which tests made it.</param>
    public TempDirectory(string prefix = "contactssdk-tests-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp directory is cleaned by the OS.
        }
    }
}
