using System;
using System.IO;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// Makes a file read-only for the current user until disposed. Permission bits do not stop root,
/// so as root the file is also marked immutable (chattr +i), which stops every writer.
/// </summary>
public sealed class ReadOnlyFile : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly bool _immutable;

    private ReadOnlyFile(string path)
    {
        _path = path;
        _mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        if (Environment.UserName == "root")
        {
            Chattr("+i");
            _immutable = true;
        }
    }

    public static ReadOnlyFile Make(string path) => new(path);

    public void Dispose()
    {
        if (_immutable)
        {
            Chattr("-i");
        }
        File.SetUnixFileMode(_path, _mode);
    }

    private void Chattr(string flag)
    {
        using var process = ChildProcess.Start("chattr", [flag, _path]);
        if (process.WaitForExit(TimeSpan.FromSeconds(30)) != 0)
        {
            throw new InvalidOperationException($"chattr {flag} failed: {process.StandardError}");
        }
    }
}
