using System;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Workflow;

/// <summary>The moments of a step where a crash is the most dangerous; the crash tests stop the worker at each.</summary>
internal enum ErasureCheckpoint
{
    /// <summary>The erasures of a batch are chosen; their intents are not recorded yet.</summary>
    DuringBatchFormation,

    /// <summary>The batch's intents are recorded; the delete request is not sent yet.</summary>
    AfterIntent,

    /// <summary>Marketing Cloud answered the delete request; the answer is not recorded yet.</summary>
    AfterAnswerBeforeRecord,

    /// <summary>A status was read; it is not recorded yet.</summary>
    DuringPoll,

    /// <summary>The verdict is recorded; the receipt is not written yet.</summary>
    AfterVerdict,
}

/// <summary>Observes checkpoints (a no-op in production; the crash-test worker stops itself at one).</summary>
internal interface IErasureCheckpoints
{
    ValueTask ReachedAsync(ErasureCheckpoint checkpoint, Guid erasureId);
}

internal sealed class NoCheckpoints : IErasureCheckpoints
{
    public ValueTask ReachedAsync(ErasureCheckpoint checkpoint, Guid erasureId) => ValueTask.CompletedTask;
}
