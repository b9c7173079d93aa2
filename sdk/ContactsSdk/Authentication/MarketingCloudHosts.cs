using System;

namespace ContactsSdk.Authentication;

/// <summary>
/// Decides where a bearer token may be sent: Marketing Cloud's own hosts over https, or the
/// configured endpoint override. Anything else (a redirect to a foreign host, a mistyped URL) gets
/// no Authorization header.
/// </summary>
internal sealed class MarketingCloudHosts
{
    private const string MarketingCloudDomain = ".marketingcloudapis.com";
    private readonly Uri? _override;

    public MarketingCloudHosts(ContactsClientOptions options) => _override = options.EndpointOverride;

    public bool IsAllowed(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }
        if (_override is not null)
        {
            return Uri.Compare(uri, _override, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        }
        return uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && uri.Host.EndsWith(MarketingCloudDomain, StringComparison.OrdinalIgnoreCase);
    }
}
