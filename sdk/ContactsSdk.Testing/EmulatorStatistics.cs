using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;
using ContactsSdk.Testing.Faults;

namespace ContactsSdk.Testing;

/// <summary>
/// Live, thread-safe counters of what the emulator saw and did. Each counter is exact; take a
/// <see cref="Snapshot"/> to compare several of them at one moment in a test.
/// </summary>
public sealed class EmulatorStatistics
{
    private static readonly FaultKind[] AllFaultKinds = Enum.GetValues<FaultKind>();

    // One counter per single route: bit i of EmulatorRoute counts at index i.
    private static readonly EmulatorRoute[] SingleRoutes = Enum.GetValues<EmulatorRoute>()
        .Where(route => route != EmulatorRoute.None && BitOperations.IsPow2((int)route))
        .ToArray();

    private readonly long[] _faultsInjected = new long[AllFaultKinds.Length];
    private readonly long[] _requestsByRoute = new long[32];
    private long _tokenRequests;
    private long _deleteRequests;
    private long _statusRequests;
    private long _unauthorizedResponses;
    private long _tooManyRequestsResponses;

    internal EmulatorStatistics()
    {
    }

    /// <summary>Requests received on the token route, whatever their outcome.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Requests received on the delete route, whatever their outcome.</summary>
    public long DeleteRequests => Interlocked.Read(ref _deleteRequests);

    /// <summary>Requests received on the status route, whatever their outcome.</summary>
    public long StatusRequests => Interlocked.Read(ref _statusRequests);

    /// <summary>Responses sent with status 401, on any route.</summary>
    public long UnauthorizedResponses => Interlocked.Read(ref _unauthorizedResponses);

    /// <summary>Responses sent with status 429, by the rate limit or by an injected fault.</summary>
    public long TooManyRequestsResponses => Interlocked.Read(ref _tooManyRequestsResponses);

    /// <summary>
    /// Requests received on any of <paramref name="routes"/>, whatever their outcome; for example
    /// <c>RequestsTo(EmulatorRoute.DeleteRetry)</c>, or <c>RequestsTo(EmulatorRoute.Contacts)</c> for all Contacts routes.
    /// </summary>
    public long RequestsTo(EmulatorRoute routes) =>
        SingleRoutes.Where(route => routes.HasFlag(route)).Sum(route => Interlocked.Read(ref _requestsByRoute[BitOperations.Log2((uint)route)]));

    /// <summary>How many faults of the given kind were injected.</summary>
    public long FaultsInjected(FaultKind kind) => Interlocked.Read(ref _faultsInjected[(int)kind]);

    /// <summary>Copies every counter.</summary>
    public EmulatorStatisticsSnapshot Snapshot()
    {
        var faults = new Dictionary<FaultKind, long>(AllFaultKinds.Length);
        foreach (var kind in AllFaultKinds)
        {
            faults[kind] = FaultsInjected(kind);
        }

        return new EmulatorStatisticsSnapshot(
            TokenRequests, DeleteRequests, StatusRequests, UnauthorizedResponses, TooManyRequestsResponses, faults)
        {
            RequestsByRoute = SingleRoutes.ToDictionary(route => route, RequestsTo),
        };
    }

    internal void CountRequest(EmulatorRoute route)
    {
        if (route != EmulatorRoute.None && BitOperations.IsPow2((int)route))
        {
            Interlocked.Increment(ref _requestsByRoute[BitOperations.Log2((uint)route)]);
        }

        switch (route)
        {
            case EmulatorRoute.Token:
                Interlocked.Increment(ref _tokenRequests);
                break;
            case EmulatorRoute.Delete:
                Interlocked.Increment(ref _deleteRequests);
                break;
            case EmulatorRoute.Status:
                Interlocked.Increment(ref _statusRequests);
                break;
        }
    }

    internal void CountResponse(int statusCode)
    {
        if (statusCode == 401)
        {
            Interlocked.Increment(ref _unauthorizedResponses);
        }
        else if (statusCode == 429)
        {
            Interlocked.Increment(ref _tooManyRequestsResponses);
        }
    }

    internal void CountFault(FaultKind kind) => Interlocked.Increment(ref _faultsInjected[(int)kind]);
}
