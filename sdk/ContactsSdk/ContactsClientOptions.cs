using System;

namespace ContactsSdk;

/// <summary>
/// Settings of a <see cref="ContactsClient"/>: which Marketing Cloud tenant to talk to and the
/// installed package's credentials. Bind it from configuration (section
/// <see cref="DefaultSectionName"/>) or set it in code; it is validated before first use.
/// </summary>
public sealed class ContactsClientOptions
{
    /// <summary>The configuration section the DI helpers bind by default.</summary>
    public static readonly string DefaultSectionName = "MarketingCloud";

    /// <summary>Default for <see cref="TokenRefreshMargin"/>: renew a token this long before it expires.</summary>
    public static readonly TimeSpan DefaultTokenRefreshMargin = TimeSpan.FromMinutes(1);

    /// <summary>Default for <see cref="RequestTimeout"/>.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Default for <see cref="TemporarilyBlockedPause"/>.</summary>
    public static readonly TimeSpan DefaultTemporarilyBlockedPause = TimeSpan.FromMinutes(1);

    /// <summary>The shortest <see cref="TemporarilyBlockedPause"/> accepted.</summary>
    public static readonly TimeSpan MinTemporarilyBlockedPause = TimeSpan.FromSeconds(1);

    /// <summary>The longest <see cref="TemporarilyBlockedPause"/> accepted.</summary>
    public static readonly TimeSpan MaxTemporarilyBlockedPause = TimeSpan.FromHours(1);

    /// <summary>Default for <see cref="MaxRateLimitWait"/>: <see cref="ContactsRetryOptions.DefaultMaxDelay"/>.</summary>
    [Obsolete("Use ContactsRetryOptions.DefaultMaxDelay: the longest wait is now the retry policy's MaxDelay.")]
    public static readonly TimeSpan DefaultMaxRateLimitWait = ContactsRetryOptions.DefaultMaxDelay;

    /// <summary>
    /// The tenant subdomain of the installed package (the part before <c>.auth.marketingcloudapis.com</c>).
    /// Required unless <see cref="EndpointOverride"/> is set.
    /// </summary>
    public string? Subdomain { get; set; }

    /// <summary>The installed package's client ID. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The installed package's client secret. Required; never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The MID of the business unit to act in. Optional: the package's default business unit otherwise.
    /// Bound from configuration as its digits (<c>MarketingCloud__AccountId=100012345</c>).
    /// </summary>
    public AccountId? AccountId { get; set; }

    /// <summary>Space-separated scopes to request. Optional: all the package's scopes otherwise.</summary>
    public string? Scope { get; set; }

    /// <summary>
    /// Sends both the token request and the REST calls to this base address instead of the
    /// tenant's Marketing Cloud hosts: for the local emulator or a test server. <c>http://</c> is
    /// accepted only for loopback addresses.
    /// </summary>
    public Uri? EndpointOverride { get; set; }

    /// <summary>How long before its expiry a cached token is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = DefaultTokenRefreshMargin;

    /// <summary>Timeout of one HTTP request, counted from the moment it is sent (time spent waiting for the rate-limit gate does not count).</summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>
    /// The most API requests started in any minute by every client that shares one
    /// <see cref="Http.ContactsRequestGate"/> (with <c>AddContactsSdk</c>: the whole application).
    /// Further requests wait their turn; none is dropped. Null (the default): no budget. The API
    /// quota is shared by everything in the Marketing Cloud account, so a worker that runs
    /// unattended should leave room for the account's other integrations.
    /// </summary>
    public int? RequestBudgetPerMinute { get; set; }

    /// <summary>
    /// After a 429 with error code 50200 ("temporarily blocked", no <c>Retry-After</c>), how long
    /// every request of the shared gate waits before it is sent. Between 1 second and 1 hour.
    /// </summary>
    public TimeSpan TemporarilyBlockedPause { get; set; } = DefaultTemporarilyBlockedPause;

    /// <summary>
    /// The retry policy of every request (how many retries, how long between them, the longest wait
    /// a <c>Retry-After</c> may impose), the generated routes of <see cref="ContactsClient.Api"/>
    /// included. Bound from the <c>Retry</c> subsection of the configuration.
    /// </summary>
    public ContactsRetryOptions Retry { get; } = new();

    /// <summary>
    /// The longest rate-limit wait (<c>Retry-After</c>, or the pause after a 50200) a request waits
    /// out before it throws <see cref="ContactsRateLimitException"/> instead: the same setting as
    /// <see cref="ContactsRetryOptions.MaxDelay"/> of <see cref="Retry"/>, which it reads and writes.
    /// </summary>
    [Obsolete("Use Retry.MaxDelay: one retry policy now covers every request.")]
    public TimeSpan MaxRateLimitWait
    {
        get => Retry.MaxDelay;
        set => Retry.MaxDelay = value;
    }

    /// <summary>The token endpoint these options designate.</summary>
    public Uri AuthBaseAddress => EndpointOverride ?? new Uri($"https://{Subdomain}.auth.marketingcloudapis.com/");

    /// <summary>
    /// The REST base address to use before a token response names one (<c>rest_instance_url</c>).
    /// </summary>
    public Uri RestBaseAddress => EndpointOverride ?? new Uri($"https://{Subdomain}.rest.marketingcloudapis.com/");
}
