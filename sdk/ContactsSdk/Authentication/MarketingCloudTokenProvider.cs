using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactsSdk.Authentication;

/// <summary>
/// The token cache of Marketing Cloud installed packages (OAuth 2.0 client credentials). A token is
/// reused until shortly before it expires; concurrent callers share one token request;
/// <see cref="Invalidate"/> drops a token the API rejected so the next call gets a fresh one.
/// <see cref="BearerTokenHandler"/> is its only user, and <see cref="IsAllowedHost"/> the only rule
/// for where a token may go.
/// </summary>
internal sealed class MarketingCloudTokenProvider
{
    private readonly HttpClient _httpClient;
    private readonly ContactsClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly MarketingCloudHosts _hosts;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private AccessToken? _current;
    private int _tokenRequests;

    /// <summary>Creates the provider. <paramref name="httpClient"/> is used for the token endpoint only.</summary>
    public MarketingCloudTokenProvider(HttpClient httpClient, ContactsClientOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ContactsClientOptionsValidator.ThrowIfInvalid(options);
        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _hosts = new MarketingCloudHosts(options);
    }

    /// <summary>How many token requests this provider has made: one per token lifetime, not one per call.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The SDK's log, for the pipeline's token step.</summary>
    public ILogger Logger => _logger;

    /// <summary>Whether a token may be sent to <paramref name="uri"/>.</summary>
    public bool IsAllowedHost(Uri? uri) => _hosts.IsAllowed(uri);

    /// <summary>
    /// Forgets <paramref name="rejectedToken"/> if it is still the cached one, so the next request
    /// fetches a new token. A token already replaced by another caller is left alone.
    /// </summary>
    public void Invalidate(string rejectedToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && string.Equals(current.Value, rejectedToken, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
            ContactsSdkLog.TokenDropped(_logger);
        }
    }

    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _current);
        if (IsFresh(cached))
        {
            return cached!;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited: share its token.
            cached = Volatile.Read(ref _current);
            if (IsFresh(cached))
            {
                return cached!;
            }
            var fresh = await TokenRequest.SendAsync(_httpClient, _options, _timeProvider, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _tokenRequests);
            Volatile.Write(ref _current, fresh);
            ContactsSdkLog.TokenObtained(_logger, fresh.RefreshAt);
            return fresh;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private bool IsFresh(AccessToken? token) => token is not null && _timeProvider.GetUtcNow() < token.RefreshAt;
}
