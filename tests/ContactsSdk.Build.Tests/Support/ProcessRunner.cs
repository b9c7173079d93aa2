using System;
using System.Collections.Generic;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>The result of a finished process: exit code and everything it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>
/// Runs a build tool (dotnet, git) to completion with a bounded time on the shared
/// <see cref="ChildProcess"/>, capturing stdout and stderr together, in an environment where the
/// nested build behaves like a developer's.
/// </summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        using var process = ChildProcess.Start(fileName, arguments, start =>
        {
            start.WorkingDirectory = workingDirectory;
            // Builds of the copy must behave like a developer's: no telemetry, no network for Kiota.
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
            start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
            // The test host's own MSBuild settings must not leak into the nested build.
            foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG" })
            {
                start.Environment.Remove(name);
            }
        });
        var exitCode = process.WaitForExit(timeout);
        return new ProcessResult(exitCode, process.Output);
    }
}
