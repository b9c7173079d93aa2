using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Auth;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary><c>POST /v2/token</c>: the auth host's client-credentials grant.</summary>
internal static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapPost(EmulatorPaths.Token, context => IssueAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.Token));

    private static async Task IssueAsync(HttpContext context, EmulatorState state)
    {
        using var document = await RequestJson.ReadAsync(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            const string problem = "The request body must be a JSON object.";
            EmulatorLog.TokenRefused(state.Logger, problem);
            await TokenResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, TokenResponses.InvalidRequest, problem);
            return;
        }

        var request = TokenRequest.From(document.RootElement);
        if (request.Refusal(state.Credentials) is { } refusal)
        {
            EmulatorLog.TokenRefused(state.Logger, refusal);
            await TokenResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, TokenResponses.InvalidClient, refusal);
            return;
        }

        // A token carries the requested scopes the package grants, or all of them when none is requested.
        var granted = Scopes.Parse(state.Options.GrantedScope);
        var scopes = request.RequestedScope is { } requested
            ? Scopes.Parse(requested).Where(granted.Contains).ToHashSet()
            : granted;

        var lifetime = state.Options.TokenLifetime;
        var token = state.Tokens.Issue(scopes, state.TokenTime.GetUtcNow(), lifetime);
        EmulatorLog.TokenIssued(state.Logger, state.Credentials.ClientId, token.ExpiresAt);
        await TokenResponses.WriteTokenAsync(context, token, lifetime, state.BaseAddress);
    }
}
