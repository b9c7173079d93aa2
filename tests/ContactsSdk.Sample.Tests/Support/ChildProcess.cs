using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ContactsSdk.Sample.Tests.Support;

/// <summary>
/// One of the built programs, started as a real process with redirected output and a controlled
/// environment, watched with bounded waits, and stopped by signals the way a shell or an
/// orchestrator stops it.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    /// <summary>Every wait is bounded: a hung program fails its test instead of hanging the run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string StandardOutput { get { lock (_gate) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_gate) { return _stderr.ToString(); } } }

    /// <summary>The lines of standard error, without blank ones.</summary>
    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Starts <c>dotnet &lt;program&gt;.dll args</c> from the test output. The environment carries no
    /// Marketing Cloud settings and no CI markers, and HOME is a fresh directory, so neither the
    /// machine's user secrets nor its variables can change what the program does.
    /// </summary>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        StartExecutable(DotnetHost(), [ProgramPath(program), .. arguments], environment);

    /// <summary>The path of a program's assembly in the test output.</summary>
    public static string ProgramPath(string program) => Path.Combine(AppContext.BaseDirectory, program + ".dll");

    /// <summary>Starts any executable with the same isolated environment.</summary>
    public static ChildProcess StartExecutable(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Isolate(start.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs the program to its end and returns its exit code.</summary>
    public static async Task<ChildProcess> RunAsync(string program, params string[] arguments) =>
        await RunAsync(program, arguments, null);

    public static async Task<ChildProcess> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var child = Start(program, arguments, environment);
        await child.WaitForExitAsync();
        return child;
    }

    public int ExitCode => _process.ExitCode;

    public async Task WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var bounded = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await _process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"The process did not exit within {timeout ?? DefaultTimeout}. Output so far:\n{StandardOutput}\n{StandardError}");
        }
    }

    /// <summary>Waits until standard output holds <paramref name="text"/>; fails if the process ends or the time runs out first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The process exited ({_process.ExitCode}) before writing '{text}':\n{StandardOutput}\n{StandardError}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No '{text}' within {timeout ?? DefaultTimeout}:\n{StandardOutput}\n{StandardError}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends a POSIX signal (SIGINT is what Ctrl+C sends, SIGTERM what an orchestrator sends).</summary>
    public void Signal(PosixSignalNumber signal)
    {
        if (Kill(_process.Id, (int)signal) != 0)
        {
            Assert.Fail($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Removes what would make a child behave differently on this machine than on another.</summary>
    internal static void Isolate(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToArray())
        {
            if (name.StartsWith("MarketingCloud", StringComparison.OrdinalIgnoreCase) || IsCiMarker(name))
            {
                environment.Remove(name);
            }
        }

        var home = Path.Combine(Path.GetTempPath(), "contactssdk-sample-tests-home");
        Directory.CreateDirectory(home);
        environment["HOME"] = home;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
    }

    // Spectre.Console turns interactive output off when it sees these.
    private static bool IsCiMarker(string name) =>
        name is "CI" or "TF_BUILD" or "GITHUB_ACTIONS" or "TEAMCITY_VERSION" or "JENKINS_URL" or "GITLAB_CI" or "BUILDKITE" or "TRAVIS" or "APPVEYOR";

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            buffer.Append(line).Append('\n');
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>Signal numbers as Linux and macOS define them (public: test cases take them as data).</summary>
public enum PosixSignalNumber
{
    SigInt = 2,
    SigKill = 9,
    SigTerm = 15,
}
