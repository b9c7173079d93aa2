using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Testing.Faults;

namespace ContactsSdk.Testing;

/// <summary>A copy of the <see cref="EmulatorStatistics"/> counters.</summary>
/// <param name="TokenRequests">Requests received on the token route.</param>
/// <param name="DeleteRequests">Requests received on the delete route.</param>
/// <param name="StatusRequests">Requests received on the status route.</param>
/// <param name="UnauthorizedResponses">Responses sent with status 401.</param>
/// <param name="TooManyRequestsResponses">Responses sent with status 429.</param>
/// <param name="FaultsInjected">Injected faults by kind; every kind is present, most with 0.</param>
public sealed record EmulatorStatisticsSnapshot(
    long TokenRequests,
    long DeleteRequests,
    long StatusRequests,
    long UnauthorizedResponses,
    long TooManyRequestsResponses,
    IReadOnlyDictionary<FaultKind, long> FaultsInjected)
{
    /// <summary>Requests received by route, one entry per route (token route included), most with 0.</summary>
    public IReadOnlyDictionary<EmulatorRoute, long> RequestsByRoute { get; init; } = new Dictionary<EmulatorRoute, long>();

    /// <summary>All injected faults, whatever their kind.</summary>
    public long TotalFaultsInjected => FaultsInjected.Values.Sum();
}
