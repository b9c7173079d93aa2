using System;
using System.Collections.Generic;

namespace ContactsSdk.Testing.Auth;

/// <summary>An access token the emulator issued. Immutable: expiring or revoking it replaces the record.</summary>
/// <param name="Value">The opaque token string.</param>
/// <param name="Scopes">The scopes it grants.</param>
/// <param name="ExpiresAt">When it stops being valid, on the emulator clock.</param>
/// <param name="Revoked">Whether it was revoked before expiring.</param>
internal sealed record IssuedToken(string Value, IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt, bool Revoked)
{
    public bool IsValidAt(DateTimeOffset now) => !Revoked && now < ExpiresAt;
}
