using System;
using System.Threading;

namespace ContactsSdk;

/// <summary>
/// What the deletion waits need to know about a failed status read or sweep (idempotent reads):
/// whether their poll loop should count it and try again, as <see cref="FailureClassifier"/>
/// decides, and how long the answer asked to wait.
/// </summary>
internal static class TransientFailure
{
    /// <summary>Whether another try of an idempotent request may succeed.</summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken) =>
        FailureClassifier.Of(exception, callerToken).IsTransient;

    /// <summary>The <c>contactssdk.retry.reason</c> of a failure about to be tried again.</summary>
    public static string Reason(Exception exception, CancellationToken callerToken) =>
        FailureClassifier.Of(exception, callerToken).Reason;

    /// <summary>
    /// The wait a 429 or 503 asked for (<c>Retry-After</c>, in seconds or as an HTTP date, or the
    /// pause the pipeline applied after a 429 with error code 50200), capped by <paramref name="max"/>;
    /// null when the failure said nothing usable.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception exception, TimeSpan max)
    {
        var wait = exception switch
        {
            ContactsRateLimitException limited => limited.RetryAfter,
            ContactsRequestException request => request.RetryAfter,
            _ => null,
        };
        return wait > max ? max : wait;
    }
}
