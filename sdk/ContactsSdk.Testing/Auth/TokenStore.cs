using System;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace ContactsSdk.Testing.Auth;

/// <summary>The access tokens the emulator issued, with their expiry on the emulator clock.</summary>
internal sealed class TokenStore
{
    private const int TokenBytes = 32;

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public IssuedToken Issue(IReadOnlySet<string> scopes, DateTimeOffset now, TimeSpan lifetime)
    {
        // Random and opaque, like the real ones: nothing in a token may be parsed by a client.
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var token = new IssuedToken(value, scopes, now + lifetime, Revoked: false);
        _tokens[value] = token;
        return token;
    }

    /// <summary>The token if it exists and is valid at <paramref name="now"/>; null otherwise.</summary>
    public IssuedToken? FindValid(string value, DateTimeOffset now) =>
        _tokens.TryGetValue(value, out var token) && token.IsValidAt(now) ? token : null;

    /// <summary>Makes the token expire at <paramref name="now"/>, as if its lifetime had run out.</summary>
    public bool Expire(string value, DateTimeOffset now) =>
        Update(value, token => token.ExpiresAt > now ? token with { ExpiresAt = now } : token);

    public bool Revoke(string value) => Update(value, token => token with { Revoked = true });

    public void RevokeAll()
    {
        foreach (var value in _tokens.Keys)
        {
            Revoke(value);
        }
    }

    private bool Update(string value, Func<IssuedToken, IssuedToken> change)
    {
        while (_tokens.TryGetValue(value, out var current))
        {
            if (_tokens.TryUpdate(value, change(current), current))
            {
                return true;
            }
        }

        return false;
    }
}
