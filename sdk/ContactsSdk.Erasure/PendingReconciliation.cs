using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure;

/// <summary>
/// A shared delete request whose outcome was unknown and that several requests received by Marketing
/// Cloud match: its erasures wait until a person names the right operation, or says none is
/// (<see cref="IErasureService.ResolveReconciliationAsync"/>).
/// </summary>
public sealed record PendingReconciliation
{
    /// <summary>The request ID of the erasure that leads the shared request (any member's request ID resolves it).</summary>
    public required string RequestId { get; init; }

    /// <summary>The shared request (batch).</summary>
    public required Guid BatchId { get; init; }

    /// <summary>The request IDs of every erasure riding it.</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>How many contacts the request carried: what the candidates were matched on, with the time window.</summary>
    public required long ContactCount { get; init; }

    /// <summary>The operations that match, to compare on Marketing Cloud's analytics route.</summary>
    public required IReadOnlyList<long> CandidateOperationIds { get; init; }

    /// <summary>Since when it waits.</summary>
    public required DateTimeOffset Since { get; init; }
}
