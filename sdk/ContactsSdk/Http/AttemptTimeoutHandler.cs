using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Http;

/// <summary>
/// The request timeout, counted from the moment a request is really sent. It sits below
/// <see cref="RateLimitHandler"/> (the API's HttpClient itself has no timeout): a request held back
/// by a rate-limit pause or the request budget must not time out before it ever left, or a delete
/// that was never sent would look like one whose answer was lost.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // CancelAfter takes at most int.MaxValue milliseconds (about 24.8 days): longer means no timeout.
        if (timeout.TotalMilliseconds <= int.MaxValue)
        {
            attempt.CancelAfter(timeout);
        }
        try
        {
            return await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException canceled) when (!cancellationToken.IsCancellationRequested && attempt.IsCancellationRequested)
        {
            // The shape HttpClient gives its own timeout: a TaskCanceledException around a TimeoutException.
            throw new TaskCanceledException(
                string.Create(CultureInfo.InvariantCulture, $"No answer came within the request timeout of {timeout.TotalSeconds:0.###} seconds."),
                new TimeoutException(canceled.Message, canceled));
        }
    }
}
