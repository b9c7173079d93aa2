using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// Endpoint metadata naming the emulated route, so that middleware classifies a request exactly as
/// routing matched it (method, path, trailing slash and case included).
/// </summary>
internal sealed record RouteTag(EmulatorRoute Route)
{
    public static EmulatorRoute? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RouteTag>()?.Route;
}
