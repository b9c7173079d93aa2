using System;

namespace ContactsSdk;

/// <summary>
/// The one retry policy of a <see cref="ContactsClient"/> (<see cref="ContactsClientOptions.Retry"/>),
/// applied in the HTTP pipeline to every request, the generated routes of <see cref="ContactsClient.Api"/>
/// included. Modelled on Azure.Core's <c>RetryOptions</c>.
/// </summary>
/// <remarks>
/// <para>
/// A request that changes nothing (a GET) is sent again after any failure that may pass: a
/// connection or timeout failure, a 401 that a fresh token did not cure, a 408, a 429, a 5xx, a
/// failed token request. A POST (a delete) is sent again only after an answer or failure that
/// proves Marketing Cloud did not process it: a 429, a 401, a connection that was never made, no
/// token. A POST whose outcome is unknown (sent, no usable answer) is never sent again.
/// </para>
/// <para>
/// Waits grow exponentially from <see cref="Delay"/>; a <c>Retry-After</c> (or the pipeline's pause
/// after a 429 with error code 50200) replaces the computed wait. A wait longer than
/// <see cref="MaxDelay"/> is not waited: the failure is thrown for the caller to decide.
/// </para>
/// </remarks>
public sealed class ContactsRetryOptions
{
    /// <summary>Default for <see cref="MaxRetries"/>: at most 4 sends per request.</summary>
    public static int DefaultMaxRetries { get; } = 3;

    /// <summary>The most retries accepted, so that a misconfigured policy cannot spend the account's API quota.</summary>
    public static int MaxRetriesLimit { get; } = 10;

    /// <summary>Default for <see cref="Delay"/>.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    /// <summary>Default for <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>How many times a request is sent again after its first send (0 to 10). Zero: never.</summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>The wait before the first retry; each later retry waits twice as long as the one before.</summary>
    public TimeSpan Delay { get; set; } = DefaultDelay;

    /// <summary>
    /// The longest wait before a retry, whether computed or asked for by the answer (<c>Retry-After</c>).
    /// An answer that asks for longer is not waited out: its failure (for example
    /// <see cref="ContactsRateLimitException"/> with its <c>RetryAfter</c>) is thrown instead. Zero: a
    /// failure is retried only when no wait is needed.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

    /// <summary>The wait before retry number <paramref name="retry"/> (from 1) when the answer asked for none.</summary>
    internal TimeSpan Backoff(int retry)
    {
        var wait = Delay * Math.Pow(2, Math.Clamp(retry - 1, 0, MaxRetriesLimit));
        return wait > MaxDelay ? MaxDelay : wait;
    }
}
