using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using ContactsSdk.Testing.Faults;

namespace ContactsSdk.Testing;

/// <summary>A copy of the <see cref="EmulatorStatistics"/> counters.</summary>
public sealed record EmulatorStatisticsSnapshot
{
    // Internal, so that a property can be added without breaking callers; tests use EmulatorModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal EmulatorStatisticsSnapshot(long tokenRequests, long deleteRequests, long statusRequests, long unauthorizedResponses, long tooManyRequestsResponses, IReadOnlyDictionary<FaultKind, long> faultsInjected)
    {
        TokenRequests = tokenRequests;
        DeleteRequests = deleteRequests;
        StatusRequests = statusRequests;
        UnauthorizedResponses = unauthorizedResponses;
        TooManyRequestsResponses = tooManyRequestsResponses;
        FaultsInjected = faultsInjected;
    }

    /// <summary>Requests received on the token route.</summary>
    public long TokenRequests { get; init; }

    /// <summary>Requests received on the delete route.</summary>
    public long DeleteRequests { get; init; }

    /// <summary>Requests received on the status route.</summary>
    public long StatusRequests { get; init; }

    /// <summary>Responses sent with status 401.</summary>
    public long UnauthorizedResponses { get; init; }

    /// <summary>Responses sent with status 429.</summary>
    public long TooManyRequestsResponses { get; init; }

    /// <summary>Injected faults by kind; every kind is present, most with 0.</summary>
    public IReadOnlyDictionary<FaultKind, long> FaultsInjected { get; init; }

    /// <summary>Requests received by route, one entry per route (token route included), most with 0.</summary>
    public IReadOnlyDictionary<EmulatorRoute, long> RequestsByRoute { get; init; } = new Dictionary<EmulatorRoute, long>();

    /// <summary>All injected faults, whatever their kind.</summary>
    public long TotalFaultsInjected => FaultsInjected.Values.Sum();
}
