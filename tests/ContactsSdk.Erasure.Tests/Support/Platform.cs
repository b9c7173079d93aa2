// The crash tests send SIGKILL and the read-only test uses Unix file modes: these tests run on Unix.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
