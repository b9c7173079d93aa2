using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>POST /contacts/v1/addresses/email/search</c>: the contact keys of email addresses, from the
/// contacts registered in <see cref="EmulatorOptions.Contacts"/>. Addresses are personal data: the
/// log records how many were searched and found, never which.
/// </summary>
internal static class EmailSearchEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapPost(EmulatorPaths.EmailSearch, context => SearchAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.EmailSearch));

    private static async Task SearchAsync(HttpContext context, EmulatorState state)
    {
        using var document = await RequestJson.ReadObjectOrRefuseAsync(context);
        if (document is null)
        {
            return;
        }

        if (!EmailSearchParser.TryParse(document.RootElement, out var addresses, out var maximumCount, out var problem))
        {
            await GatewayErrors.BadRequestAsync(context, problem);
            return;
        }

        var results = addresses.Select(address => (address, state.Contacts.Find(address, maximumCount))).ToArray();
        EmulatorLog.EmailAddressesSearched(state.Logger, results.Length, results.Count(result => result.Item2.Count > 0));
        var clock = state.ClockFor(context);
        await JsonResponse.WriteAsync(
            context,
            StatusCodes.Status200OK,
            writer => EmailSearchResponses.WriteFound(writer, results, state.Options.EmailSearchNoMatch, state.Options.ServerUtcOffset, clock));
    }
}
