using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Auth;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Routes;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Gateway;

/// <summary>
/// The API gateway in front of the Contacts service: a valid bearer token with the route's scope,
/// then the rate limit. Unauthenticated requests are refused before they count against the limit,
/// as the limit belongs to the tenant a token identifies.
/// </summary>
internal sealed class ContactsGateway(EmulatorState state)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(EmulatorPaths.ContactsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var now = state.Time.GetUtcNow();
        var path = context.Request.Path.Value ?? string.Empty;
        if (BearerToken.From(context.Request) is not { } value || state.Tokens.FindValid(value, state.TokenTime.GetUtcNow()) is not { } token)
        {
            EmulatorLog.RequestRefused(state.Logger, path, "missing, unknown, expired or revoked access token");
            return GatewayErrors.NotAuthorizedAsync(context);
        }

        if (RouteTag.Of(context) is { } route && Scopes.RequiredBy(route) is { } scope && !token.Scopes.Contains(scope))
        {
            EmulatorLog.RequestRefused(state.Logger, path, $"the token lacks scope {scope}");
            return GatewayErrors.ForbiddenAsync(context, scope);
        }

        if (state.RateLimiter?.TryAcquire(now) is { } retryAfter)
        {
            EmulatorLog.RateLimited(state.Logger, path, retryAfter);
            return GatewayErrors.RateLimitedAsync(context, retryAfter);
        }

        return next(context);
    }
}
