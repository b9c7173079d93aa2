using System.Threading.Tasks;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// <c>POST /contacts/v1/contacts/actions/delete/configSettings</c>: sets the restorable period of
/// deletions created from now on (<c>SuppressionRestoreUntilDays</c>, -1 meaning 0 days). Existing
/// operations keep theirs. A body the service cannot use gets HTTP 200 with the error in <c>resultMessages</c>.
/// </summary>
internal static class ConfigSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapPost(EmulatorPaths.ConfigSettings, context => ConfigureAsync(context, state))
            .WithMetadata(new RouteTag(EmulatorRoute.ConfigSettings));

    private static async Task ConfigureAsync(HttpContext context, EmulatorState state)
    {
        using var document = await RequestJson.ReadObjectOrRefuseAsync(context);
        if (document is null)
        {
            return;
        }

        var parsed = ConfigSettingsParser.Parse(document.RootElement);
        var clock = state.ClockFor(context);
        if (parsed.Value is not { } period)
        {
            var error = parsed.Error!;
            EmulatorLog.SettingsRejected(state.Logger, error.ResultCode);
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => ConfigSettingsResponses.WriteRejected(writer, error, clock));
            return;
        }

        state.DeletionSettings.NumberOfRestorableDays = period.Days;
        state.SaveState();
        EmulatorLog.RestorablePeriodSet(state.Logger, period.Days);
        // A parsed body has a non-empty items array, every item a stored setting.
        RequestJson.TryGetPropertyIgnoreCase(document.RootElement, "items", out var items);
        var stored = items.GetArrayLength();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => ConfigSettingsResponses.WriteStored(writer, stored, clock));
    }
}
