using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// The erasure worker as a child process (dotnet ContactsSdk.Erasure.Worker.dll), which the tests kill
/// with SIGKILL: its arguments and environment, on the shared <see cref="ChildProcess"/>.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly ChildProcess _process;

    private WorkerProcess(ChildProcess process)
    {
        _process = process;
    }

    /// <summary>Standard output and error together, in arrival order.</summary>
    public string Output => _process.Output;

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
        return new WorkerProcess(ChildProcess.Start(ChildProcess.DotnetHost(), ["exec", worker, .. arguments], start =>
        {
            // A crash point set for the test run itself must not reach a worker the test did not ask to crash.
            start.Environment.Remove("ERASURE_CRASH_AT");
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }));
    }

    /// <summary>Waits for the process to end; kills it and throws when it takes longer than <paramref name="timeout"/>.</summary>
    public Task<int> WaitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM, what an orchestrator sends to stop a worker gracefully (a deploy, a scale-down).</summary>
    public void Terminate() => _process.Signal(PosixSignalNumber.SigTerm);

    public void Dispose() => _process.Dispose();
}
