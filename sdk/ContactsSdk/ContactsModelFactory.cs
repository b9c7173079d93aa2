using System;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>
/// Builds the values <see cref="ContactsClient"/> returns, for tests of code that uses the client.
/// </summary>
/// <remarks>
/// These types have no public constructor, so that a property can be added in a minor version
/// without breaking callers (the way Azure SDK models grow). A test that needs one, for a test
/// double of the client or an assertion, builds it here; a method gains parameters only as
/// overloads.
/// </remarks>
public static class ContactsModelFactory
{
    /// <summary>Builds a <see cref="DeletionStarted"/> with the given values.</summary>
    /// <param name="operationId">The operation to pass to the status route and the wait methods.</param>
    /// <param name="response">The raw answer of the delete call.</param>
    /// <returns>The new <see cref="DeletionStarted"/>.</returns>
    public static DeletionStarted DeletionStarted(long operationId, DeleteContactsResponse response) =>
        new(operationId, response);

    /// <summary>Builds a <see cref="DeletionProgress"/> with the given values.</summary>
    /// <param name="operationId">The operation followed.</param>
    /// <param name="phase">The phase of the last successful read (null before the first).</param>
    /// <param name="state">The overall state of the last successful read (null before the first).</param>
    /// <param name="rawStatus">The wire status that decided the state, unchanged.</param>
    /// <param name="elapsed">Time since the wait started, on the client's clock.</param>
    /// <param name="requestsMade">Status requests sent so far, failed ones included.</param>
    /// <param name="consecutiveFailures">Transient failures in a row at this point (0 after a good read).</param>
    /// <param name="nextPollIn">The wait before the next poll (zero once the state is terminal).</param>
    /// <returns>The new <see cref="DeletionProgress"/>.</returns>
    public static DeletionProgress DeletionProgress(long operationId, ContactDeletionPhase? phase, ContactDeletionState? state, string? rawStatus, TimeSpan elapsed, int requestsMade, int consecutiveFailures, TimeSpan nextPollIn) =>
        new(operationId, phase, state, rawStatus, elapsed, requestsMade, consecutiveFailures, nextPollIn);

    /// <summary>Builds a <see cref="DeletionResult"/> with the given values.</summary>
    /// <param name="operationId">The operation followed.</param>
    /// <param name="state">The terminal state: deleted, restored (aborted) or invalid.</param>
    /// <param name="lastResponse">The status response that showed it, with every raw field.</param>
    /// <param name="elapsed">How long the wait took on the client's clock.</param>
    /// <param name="requestsMade">Status requests sent, failed ones included.</param>
    /// <returns>The new <see cref="DeletionResult"/>.</returns>
    public static DeletionResult DeletionResult(long operationId, ContactDeletionState state, DeleteStatusResponse lastResponse, TimeSpan elapsed, int requestsMade) =>
        new(operationId, state, lastResponse, elapsed, requestsMade);

    /// <summary>Builds a <see cref="DeletionWaitOutcome"/> with the given values.</summary>
    /// <param name="operationId">The operation followed.</param>
    /// <param name="result">The terminal result, when the wait reached one.</param>
    /// <param name="error">Why the wait ended without one (service error, failures beyond the limit, timeout).</param>
    /// <returns>The new <see cref="DeletionWaitOutcome"/>.</returns>
    public static DeletionWaitOutcome DeletionWaitOutcome(long operationId, DeletionResult? result, Exception? error) =>
        new(operationId, result, error);
}
