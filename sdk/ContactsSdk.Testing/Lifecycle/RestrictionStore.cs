using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>The restrictions the emulator holds, by ID; kept apart from the deletions, which the delete routes see.</summary>
internal sealed class RestrictionStore(LifecycleTimings timings, OperationIdSequence ids)
{
    private readonly ConcurrentDictionary<long, EmulatedRestriction> _restrictions = new();

    public EmulatedRestriction Create(EmulatedRestrictRequest request, Guid requestId, DateTimeOffset now)
    {
        var restriction = new EmulatedRestriction(ids.Next(), request, requestId, now, timings.Pending);
        _restrictions[restriction.OperationId] = restriction;
        return restriction;
    }

    /// <summary>Puts back a restriction of a saved emulator.</summary>
    public void Add(EmulatedRestriction restriction) => _restrictions[restriction.OperationId] = restriction;

    public EmulatedRestriction? Find(long operationId) => _restrictions.GetValueOrDefault(operationId);

    public IReadOnlyList<EmulatedRestriction> Snapshot() =>
        _restrictions.Values.OrderBy(restriction => restriction.OperationId).ToArray();
}
