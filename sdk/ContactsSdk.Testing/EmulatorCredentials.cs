namespace ContactsSdk.Testing;

/// <summary>
/// The installed-package credentials the emulator accepts on its token route.
/// </summary>
public sealed class EmulatorCredentials
{
    internal EmulatorCredentials(string clientId, string clientSecret, long accountId, string scope)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        AccountId = accountId;
        Scope = scope;
    }

    /// <summary>The client ID of the installed package.</summary>
    public string ClientId { get; }

    /// <summary>The client secret of the installed package.</summary>
    public string ClientSecret { get; }

    /// <summary>The MID of the business unit (the optional <c>account_id</c> of a token request).</summary>
    public long AccountId { get; }

    /// <summary>The space-separated scopes the package grants.</summary>
    public string Scope { get; }

    /// <summary>Describes the credentials without the secret, so that logging them cannot leak it.</summary>
    public override string ToString() => $"ClientId={ClientId}, AccountId={AccountId}, ClientSecret=***";
}
