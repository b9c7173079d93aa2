using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Workflow;

namespace ContactsSdk.Erasure.Worker;

/// <summary>
/// Kills this process with SIGKILL the first time the checkpoint named in ERASURE_CRASH_AT is reached
/// (once per marker file, ERASURE_CRASH_MARKER, so the restarted worker runs through).
/// </summary>
internal sealed class CrashingCheckpoints : IErasureCheckpoints
{
    private readonly ErasureCheckpoint? _crashAt;
    private readonly string? _marker;

    public CrashingCheckpoints()
    {
        _crashAt = Enum.TryParse<ErasureCheckpoint>(Environment.GetEnvironmentVariable("ERASURE_CRASH_AT"), out var point) ? point : null;
        _marker = Environment.GetEnvironmentVariable("ERASURE_CRASH_MARKER");
    }

    public ValueTask ReachedAsync(ErasureCheckpoint checkpoint, Guid erasureId)
    {
        if (checkpoint == _crashAt && _marker is not null && !File.Exists(_marker))
        {
            File.WriteAllText(_marker, $"{checkpoint} {erasureId}");
            Console.Out.Flush();
            // Process.Kill on Unix sends SIGKILL: no finally block, no flush, no graceful shutdown.
            Process.GetCurrentProcess().Kill();
        }
        return ValueTask.CompletedTask;
    }
}
