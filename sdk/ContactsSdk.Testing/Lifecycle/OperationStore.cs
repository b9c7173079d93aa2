using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>The deletions the emulator holds, by ID.</summary>
internal sealed class OperationStore(
    LifecycleTimings timings,
    DeletionSettings settings,
    OperationIdSequence ids,
    Func<EmulatedDeleteRequest, DeleteOutcome> outcomeSelector)
{
    private readonly ConcurrentDictionary<long, EmulatedOperation> _operations = new();

    public EmulatedOperation Create(EmulatedDeleteRequest request, Guid requestId, DateTimeOffset now)
    {
        // Decided up front, so the status route is a pure function of the clock from then on.
        var outcome = outcomeSelector(request);
        var operation = new EmulatedOperation(
            ids.Next(), request, requestId, now, outcome, settings.NumberOfRestorableDays, timings);
        _operations[operation.OperationId] = operation;
        return operation;
    }

    /// <summary>Puts back an operation of a saved emulator.</summary>
    public void Add(EmulatedOperation operation) => _operations[operation.OperationId] = operation;

    public EmulatedOperation? Find(long operationId) => _operations.GetValueOrDefault(operationId);

    public IReadOnlyList<EmulatedOperation> Snapshot() =>
        _operations.Values.OrderBy(operation => operation.OperationId).ToArray();
}
