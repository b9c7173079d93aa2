using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;

namespace ContactsSdk.Authentication;

/// <summary>
/// The SDK's one authentication step, in the API pipeline under Kiota's handlers. Every request
/// bound for an allowed host (<see cref="MarketingCloudTokenProvider.IsAllowedHost"/>) gets the
/// cached bearer token; every other request (a redirect to a foreign host, a header set by someone
/// else) leaves without an Authorization header. A 401 is answered once: the rejected token is
/// dropped, a fresh one fetched and the request resent a single time.
/// </summary>
/// <remarks>
/// The token is fetched here rather than by Kiota's authentication provider so that one component
/// with one host rule decides what carries a token, redirects and resends included.
/// </remarks>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private const string Bearer = "Bearer";
    private readonly MarketingCloudTokenProvider _tokens;

    public BearerTokenHandler(MarketingCloudTokenProvider tokens) => _tokens = tokens;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_tokens.IsAllowedHost(request.RequestUri))
        {
            request.Headers.Authorization = null;
            ContactsSdkLog.TokenWithheld(_tokens.Logger, request.RequestUri?.Host);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue(Bearer, token.Value);
        if (request.Content is not null)
        {
            // The body must survive a second send after a 401.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        _tokens.Invalidate(token.Value);
        ContactsSdkTelemetry.Retrying(FailureClassifier.TokenRejected);
        var fresh = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The token, or <see cref="TokenNotObtainedException"/> when the request's time ran out before
    /// one came: the API request was then never sent, which a delete must be able to tell.
    /// </summary>
    private async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (ex is not TokenNotObtainedException)
        {
            throw new TokenNotObtainedException(ex, cancellationToken);
        }
    }
}

/// <summary>
/// The request was cancelled or timed out while its token was being fetched, so it never left the
/// client. Still a cancellation (callers that only look for <see cref="OperationCanceledException"/>
/// see one); <see cref="FailureClassifier"/> finds it inside the HttpClient's timeout exception and
/// knows a retry cannot queue a second deletion.
/// </summary>
internal sealed class TokenNotObtainedException : OperationCanceledException
{
    public TokenNotObtainedException(OperationCanceledException inner, CancellationToken cancellationToken)
        : base("The request was not sent: no access token was obtained before it was cancelled or timed out.", inner, cancellationToken)
    {
    }

    /// <summary>Whether <paramref name="exception"/> or one of its inner exceptions is a <see cref="TokenNotObtainedException"/>.</summary>
    public static bool IsIn(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is TokenNotObtainedException)
            {
                return true;
            }
        }
        return false;
    }
}
