using System;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// One run of a deletion: the first one, created by the delete route, or a restart by the retry route.
/// </summary>
/// <param name="RetryCount">0 for the first run, then 1, 2… for each restart (the status route's <c>retryCount</c>).</param>
/// <param name="Since">When the run began: the operation's creation, or the retry request.</param>
/// <param name="DeletePhaseStartsAt">When the run's delete phase starts.</param>
/// <param name="DeletePhaseEndsAt">When the run's delete phase reaches <paramref name="Outcome"/>.</param>
/// <param name="Outcome">How the run's delete phase ends.</param>
internal sealed record DeleteAttempt(
    int RetryCount,
    DateTimeOffset Since,
    DateTimeOffset DeletePhaseStartsAt,
    DateTimeOffset DeletePhaseEndsAt,
    DeleteOutcome Outcome);
