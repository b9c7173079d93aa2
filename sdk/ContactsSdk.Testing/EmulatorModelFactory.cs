using System.Collections.Generic;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing;

/// <summary>
/// Builds the values the emulator reports (<see cref="EmulatorStatisticsSnapshot"/>, <see cref="Lifecycle.OperationState"/>), for assertions and test doubles.
/// </summary>
/// <remarks>
/// These types have no public constructor, so that a property can be added in a minor version
/// without breaking callers (the way Azure SDK models grow). A test that needs one, for a test
/// double of the client or an assertion, builds it here; a method gains parameters only as
/// overloads.
/// </remarks>
public static class EmulatorModelFactory
{
    /// <summary>Builds a <see cref="EmulatorStatisticsSnapshot"/> with the given values.</summary>
    /// <param name="tokenRequests">Requests received on the token route.</param>
    /// <param name="deleteRequests">Requests received on the delete route.</param>
    /// <param name="statusRequests">Requests received on the status route.</param>
    /// <param name="unauthorizedResponses">Responses sent with status 401.</param>
    /// <param name="tooManyRequestsResponses">Responses sent with status 429.</param>
    /// <param name="faultsInjected">Injected faults by kind; every kind is present, most with 0.</param>
    /// <returns>The new <see cref="EmulatorStatisticsSnapshot"/>.</returns>
    public static EmulatorStatisticsSnapshot EmulatorStatisticsSnapshot(long tokenRequests, long deleteRequests, long statusRequests, long unauthorizedResponses, long tooManyRequestsResponses, IReadOnlyDictionary<FaultKind, long> faultsInjected) =>
        new(tokenRequests, deleteRequests, statusRequests, unauthorizedResponses, tooManyRequestsResponses, faultsInjected);

    /// <summary>Builds a <see cref="OperationState"/> with the given values.</summary>
    /// <param name="phase">The lifecycle phase.</param>
    /// <param name="operationStatus">The <c>operation.status</c> value.</param>
    /// <param name="backgroundOperationStatus">The <c>backgroundOperationStatusID</c> value, or null in the suppression phase (no <c>backgroundOperationsSummary</c>).</param>
    /// <returns>The new <see cref="OperationState"/>.</returns>
    public static OperationState OperationState(OperationPhase phase, string operationStatus, string? backgroundOperationStatus) =>
        new(phase, operationStatus, backgroundOperationStatus);
}
