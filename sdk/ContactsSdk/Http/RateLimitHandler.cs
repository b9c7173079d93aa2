using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Http;

/// <summary>
/// Passes every request through the shared <see cref="ContactsRequestGate"/> before it is sent, and
/// turns a 429 into <see cref="ContactsRateLimitException"/>: a "temporarily blocked" answer (50200,
/// or any 429 that does not say when to come back) pauses the whole gate first, so the other
/// requests of the worker wait instead of collecting 429s of their own.
/// </summary>
internal sealed class RateLimitHandler : DelegatingHandler
{
    private readonly ContactsRequestGate _gate;

    public RateLimitHandler(ContactsRequestGate gate) => _gate = gate;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _gate.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return response;
        }

        using (response)
        {
            var answer = await RateLimitAnswer.ReadAsync(response, _gate.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var retryAfter = answer.BlocksEveryRequest ? _gate.BlockEveryRequest() : answer.RetryAfter;
            throw new ContactsRateLimitException(answer.ErrorCode, retryAfter);
        }
    }
}
