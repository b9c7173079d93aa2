using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Auth;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// The request's token stops being valid just before the gateway checks it, as if it had expired
/// (or been revoked) while the client was waiting. It stays invalid for every later request.
/// </summary>
internal sealed class TokenInvalidationFault(bool revoke)
    : Fault(
        revoke ? FaultKind.TokenRevoked : FaultKind.TokenExpired,
        EmulatorRoute.Contacts,
        revoke ? "revoke the access token" : "expire the access token")
{
    internal override Task ApplyAsync(FaultContext context, Func<Task> next)
    {
        if (BearerToken.From(context.Http.Request) is { } token)
        {
            var tokens = context.State.Tokens;
            _ = revoke ? tokens.Revoke(token) : tokens.Expire(token, context.State.TokenTime.GetUtcNow());
        }

        return next();
    }
}
