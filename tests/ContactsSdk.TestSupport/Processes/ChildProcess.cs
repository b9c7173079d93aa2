using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.TestSupport;

/// <summary>
/// A program started as a real process: its standard output and error kept line by line (apart and
/// together, in arrival order), every wait bounded, and stopped the way a shell or an orchestrator
/// stops it (a POSIX signal, or SIGKILL). The one child-process runner of the tests; each project
/// wraps it with what it starts (a build, the sample, the erasure worker, the service).
/// </summary>
public sealed class ChildProcess : IDisposable
{
    /// <summary>Every wait is bounded: a hung program fails its test instead of hanging the run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _command;
    private readonly Action<string>? _onLine;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process, string command, Action<string>? onLine)
    {
        _process = process;
        _command = command;
        _onLine = onLine;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string StandardOutput { get { lock (_gate) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_gate) { return _stderr.ToString(); } } }

    /// <summary>Standard output and standard error together, line by line in the order they arrived.</summary>
    public string Output { get { lock (_gate) { return _output.ToString(); } } }

    /// <summary>The lines of standard error, without blank ones.</summary>
    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Starts <paramref name="fileName"/> with its output redirected. <paramref name="configure"/> sets
    /// the rest (environment, working directory, standard input); <paramref name="onLine"/> sees every
    /// line of either stream as it arrives (to wait for a "listening" line, say).
    /// </summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        configure?.Invoke(start);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, $"{fileName} {string.Join(' ', start.ArgumentList)}", onLine);
        process.OutputDataReceived += (_, e) => child.Append(child._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Waits for the process to end and for all its output; when it takes longer than
    /// <paramref name="timeout"/> (<see cref="DefaultTimeout"/> when null), kills it with its children
    /// and throws <see cref="TimeoutException"/> with what it wrote so far.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var bound = timeout ?? DefaultTimeout;
        using var bounded = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(entireProcessTree: true);
            throw new TimeoutException($"'{_command}' did not end within {bound}. Output so far:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>The blocking form of <see cref="WaitForExitAsync"/>, for tests that run builds one after another.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill(entireProcessTree: true);
            throw new TimeoutException($"'{_command}' did not end within {timeout}. Output so far:\n{Output}");
        }
        // The parameterless wait also waits for the redirected streams to be read to their end.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until standard output holds <paramref name="text"/>; throws if the process ends or the time runs out first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var bound = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + bound;
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited ({_process.ExitCode}) before writing '{text}':\n{StandardOutput}\n{StandardError}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No '{text}' within {bound}:\n{StandardOutput}\n{StandardError}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends a POSIX signal (SIGINT is what Ctrl+C sends, SIGTERM what an orchestrator sends).</summary>
    public void Signal(PosixSignalNumber signal)
    {
        if (SendSignal(_process.Id, (int)signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up. Waits until it is gone.</summary>
    public void Kill(bool entireProcessTree)
    {
        try
        {
            _process.Kill(entireProcessTree);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        _process.WaitForExit();
    }

    /// <summary>Kills what is still running (with its children), so no test leaves a process behind.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            buffer.Append(line).Append('\n');
            _output.Append(line).Append('\n');
        }
        _onLine?.Invoke(line);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

/// <summary>Signal numbers as Linux and macOS define them (test cases take them as data).</summary>
public enum PosixSignalNumber
{
    SigInt = 2,
    SigKill = 9,
    SigTerm = 15,
}
