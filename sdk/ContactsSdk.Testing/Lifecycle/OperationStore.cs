using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>The deletions the emulator holds, by ID, and the account's queue of delete calls.</summary>
internal sealed class OperationStore(
    LifecycleTimings timings,
    DeletionSettings settings,
    OperationIdSequence ids,
    Func<EmulatedDeleteRequest, DeleteOutcome> outcomeSelector)
{
    private readonly ConcurrentDictionary<long, EmulatedOperation> _operations = new();

    // Held while a call takes its ID and its place in the queue, so that concurrent requests get
    // IDs in the same order as their places: arrival order is operation ID order.
    private readonly Lock _arrivals = new();

    /// <summary>The account's delete calls in arrival order.</summary>
    public DeleteQueue Queue { get; } = new();

    public EmulatedOperation Create(EmulatedDeleteRequest request, Guid requestId, DateTimeOffset now)
    {
        // Decided up front, so the status route is a pure function of the clock from then on.
        var outcome = outcomeSelector(request);
        var contactCount = request.Keys.Count + request.Ids.Count;
        EmulatedOperation operation;
        lock (_arrivals)
        {
            var call = Queue.Add(now, timings.DeleteCalls, contactCount, timings.Pending);
            operation = new EmulatedOperation(
                ids.Next(), request, requestId, now, outcome, settings.NumberOfRestorableDays, timings, Queue, call);
            _operations[operation.OperationId] = operation;
        }

        return operation;
    }

    /// <summary>Puts back an operation of a saved emulator.</summary>
    public void Add(EmulatedOperation operation) => _operations[operation.OperationId] = operation;

    public EmulatedOperation? Find(long operationId) => _operations.GetValueOrDefault(operationId);

    public IReadOnlyList<EmulatedOperation> Snapshot() =>
        _operations.Values.OrderBy(operation => operation.OperationId).ToArray();
}
