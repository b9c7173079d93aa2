using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using ContactsSdk.Testing;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>The erasure worker as a child process (dotnet ContactsSdk.Erasure.Worker.dll), which the tests kill with SIGKILL.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The value of the first output line that starts with <paramref name="prefix"/> and a space, or null while there is none.</summary>
    public string? ValueAfter(string prefix)
    {
        var marker = prefix + " ";
        foreach (var line in Output.Split('\n'))
        {
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                return line[marker.Length..].TrimEnd('\r');
            }
        }
        return null;
    }

    public static WorkerProcess Start(
        MarketingCloudEmulator emulator, string ledgerPath, string prefix, int count,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? extraArguments = null)
    {
        string[] arguments =
        [
            "--ledger", ledgerPath, "--endpoint", emulator.BaseAddress.ToString(),
            "--client-id", emulator.Credentials.ClientId, "--client-secret", emulator.Credentials.ClientSecret,
            "--account-id", emulator.Credentials.AccountId.ToString(CultureInfo.InvariantCulture),
            "--prefix", prefix, "--count", count.ToString(CultureInfo.InvariantCulture),
            .. extraArguments ?? [],
        ];
        return Launch(arguments, environment ?? new Dictionary<string, string>());
    }

    /// <summary>The worker in one of its other modes (<c>scale</c>, <c>scale-active</c>), which runs its own emulator.</summary>
    public static WorkerProcess StartMode(string mode, IReadOnlyList<string> arguments) => Launch([mode, .. arguments], new Dictionary<string, string>());

    private static WorkerProcess Launch(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var worker = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ErasureWorkerPath").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", worker }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("ERASURE_CRASH_AT");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var worker_ = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker_.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker_.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker_;
    }

    /// <summary>Waits for the process to end; kills it and throws when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
        {
            Kill();
            throw new TimeoutException($"The worker did not end within {timeout}. Output:\n{Output}");
        }
        await exited;
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, what an orchestrator sends to stop a worker gracefully (a deploy, a scale-down).</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
