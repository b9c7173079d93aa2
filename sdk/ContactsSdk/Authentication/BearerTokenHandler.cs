using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Authentication;

/// <summary>
/// The innermost handler of the API pipeline. It removes the Authorization header from any request
/// bound for a host that is not allowed (a redirect to a foreign host, for instance), and answers a
/// 401 once: it drops the rejected token, fetches a fresh one and resends the request a single time.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private const string Bearer = "Bearer";
    private readonly MarketingCloudTokenProvider _tokens;

    public BearerTokenHandler(MarketingCloudTokenProvider tokens) => _tokens = tokens;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is not null && !_tokens.IsAllowedHost(request.RequestUri))
        {
            request.Headers.Authorization = null;
        }
        if (request.Content is not null)
        {
            // The body must survive a second send after a 401.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || request.Headers.Authorization is not { Scheme: Bearer, Parameter: { } rejected })
        {
            return response;
        }

        _tokens.Invalidate(rejected);
        var fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue(Bearer, fresh.Value);
        var resent = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (resent.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Rejected too: not resent again, but not reused either, so the caller's next try
            // starts from a new token instead of spending a request on this one.
            _tokens.Invalidate(fresh.Value);
        }
        return resent;
    }
}
