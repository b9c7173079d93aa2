using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ContactsSdk.Emulator.Lifecycle;

/// <summary>The operations the emulator holds, by ID. IDs start at 1, like a fresh tenant's.</summary>
internal sealed class OperationStore(LifecycleTimings timings, Func<EmulatedDeleteRequest, DeleteOutcome> outcomeSelector)
{
    private readonly ConcurrentDictionary<long, EmulatedOperation> _operations = new();
    private long _lastOperationId;

    public EmulatedOperation Create(EmulatedDeleteRequest request, Guid requestId, DateTimeOffset now)
    {
        // Decided up front, so the status route is a pure function of the clock from then on.
        var outcome = outcomeSelector(request);
        var operation = new EmulatedOperation(
            Interlocked.Increment(ref _lastOperationId), request, requestId, now, outcome, timings);
        _operations[operation.OperationId] = operation;
        return operation;
    }

    public EmulatedOperation? Find(long operationId) => _operations.GetValueOrDefault(operationId);

    public IReadOnlyList<EmulatedOperation> Snapshot() =>
        _operations.Values.OrderBy(operation => operation.OperationId).ToArray();
}
