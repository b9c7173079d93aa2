using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Http;

/// <summary>
/// The one retry policy (<see cref="ContactsClientOptions.Retry"/>), applied to every request of the
/// API pipeline, the generated routes included. It sits above the token handler, the rate-limit gate
/// and the request timeout, so that every attempt gets a valid token, waits its turn at the gate and
/// has a timeout of its own. <see cref="FailureClassifier"/> decides what may be retried: for a POST
/// only a failure that proves the request was not processed, never one whose outcome is unknown.
/// </summary>
/// <remarks>
/// Kiota's own retry handler is left out of the pipeline: it sleeps on the real clock and resends
/// POSTs whose outcome is unknown. This one waits on the injected <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class RetryHandler(ContactsRetryOptions options, TimeProvider time, ILogger logger) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<IRequestOption> OverrideKey = new(typeof(RetryOverride).FullName!);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var maxRetries = request.Options.TryGetValue(OverrideKey, out var option) && option is RetryOverride custom
            ? custom.MaxRetries
            : options.MaxRetries;
        if (maxRetries > 0 && request.Content is not null)
        {
            // The body must survive a second send.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        for (var retry = 1; ; retry++)
        {
            TimeSpan wait;
            string reason;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if ((int)response.StatusCode < 400 || retry > maxRetries)
                {
                    return response;
                }
                var failure = FailureClassifier.OfStatus((int)response.StatusCode);
                // A 401 is worth another try only when it refused the SDK's token (never a foreign host's answer).
                var refusedOurToken = response.StatusCode != System.Net.HttpStatusCode.Unauthorized || request.Headers.Authorization is not null;
                if (!refusedOurToken || !failure.AllowsRetryOf(request.Method) || WaitBefore(retry, AskedWait(response)) is not { } next)
                {
                    return response;
                }
                (wait, reason) = (next, failure.Reason);
                response.Dispose();
            }
            catch (Exception ex) when (retry <= maxRetries && FailureClassifier.Of(ex, cancellationToken).AllowsRetryOf(request.Method))
            {
                if (WaitBefore(retry, (ex as ContactsRateLimitException)?.RetryAfter) is not { } next)
                {
                    // The answer asked for a longer wait than the policy allows: the caller decides.
                    throw;
                }
                (wait, reason) = (next, FailureClassifier.Of(ex, cancellationToken).Reason);
            }

            ContactsSdkLog.Retrying(logger, request.Method.Method, reason, retry, wait);
            ContactsSdkTelemetry.Retrying(reason);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before retry number <paramref name="retry"/>: what the answer asked for, else the backoff; null when it is longer than allowed.</summary>
    private TimeSpan? WaitBefore(int retry, TimeSpan? asked) => asked switch
    {
        { } wait when wait > options.MaxDelay => null,
        { } wait => wait,
        null => options.Backoff(retry),
    };

    private TimeSpan? AskedWait(HttpResponseMessage response) => RetryAfterHeader.Parse(
        response.Headers.TryGetValues("Retry-After", out var retryAfter) ? retryAfter.FirstOrDefault() : null,
        response.Headers.TryGetValues("Date", out var date) ? date.FirstOrDefault() : null,
        time.GetUtcNow());
}

/// <summary>
/// A per-request override of the retry policy (a Kiota request option). The deletion waits use it
/// with no retries: their poll loop already tolerates failures, counts them against
/// <c>DeletionWaitOptions.MaxConsecutiveFailures</c> and backs off, and a pipeline retry under it
/// would multiply every failure's requests.
/// </summary>
internal sealed class RetryOverride(int maxRetries) : IRequestOption
{
    /// <summary>No pipeline retry at all.</summary>
    public static readonly RetryOverride None = new(0);

    public int MaxRetries { get; } = maxRetries;
}
