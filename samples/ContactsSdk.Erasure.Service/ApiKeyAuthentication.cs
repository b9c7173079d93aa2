using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactsSdk.Erasure.Service;

/// <summary>The keys a caller may send in <c>X-Api-Key</c>.</summary>
internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public IReadOnlyList<string> Keys { get; set; } = [];
}

/// <summary>
/// Authenticates a privacy-request tool by the key it sends in <c>X-Api-Key</c> (compared in constant
/// time). The caller is named by the key's position in the configuration, never by the key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } sent)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var sentBytes = Encoding.UTF8.GetBytes(sent);
        var index = Options.Keys.Select((key, i) => (key, i)).FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.key), sentBytes), (null!, -1)).Item2;
        if (index < 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not one of the service's."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"api-key-{index + 1}")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
