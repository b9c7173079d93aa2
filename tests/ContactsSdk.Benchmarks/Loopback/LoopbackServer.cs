using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Benchmarks.Payloads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Benchmarks.Loopback;

/// <summary>
/// The smallest server that answers the two routes a status call needs, on 127.0.0.1: the token
/// route and the status route, which returns the <c>deletePhaseProcessing</c> seed example as
/// prepared bytes. No routing, no logging, no per-request work beyond a header check.
/// </summary>
/// <remarks>
/// <see cref="Program"/> starts it in the process that launches BenchmarkDotNet, and the measured
/// processes reach it through <see cref="AddressVariable"/>: the server's allocations then never
/// count in the client's bytes per call.
/// </remarks>
internal sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>The environment variable that carries the server's base address to benchmark processes.</summary>
    public const string AddressVariable = "CONTACTSSDK_BENCHMARK_SERVER";

    public const string Token = "loopback-benchmark-token";

    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var status = SpecText.StatusExample("deletePhaseProcessing");
        byte[]? token = null;
        app.Run(async context =>
        {
            var request = context.Request;
            var response = context.Response;
            if (HttpMethods.IsGet(request.Method) && request.Path.Equals(SpecText.StatusPath, StringComparison.Ordinal))
            {
                if (!request.Headers.Authorization.ToString().EndsWith(Token, StringComparison.Ordinal))
                {
                    response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                response.ContentType = "application/json";
                response.ContentLength = status.Length;
                await response.Body.WriteAsync(status);
            }
            else if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/v2/token", StringComparison.Ordinal))
            {
                token ??= TokenBody(new Uri(request.Scheme + "://" + request.Host + "/"));
                response.ContentType = "application/json";
                response.ContentLength = token.Length;
                await response.Body.WriteAsync(token);
            }
            else
            {
                response.StatusCode = StatusCodes.Status404NotFound;
            }
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static byte[] TokenBody(Uri baseAddress)
    {
        // A day-long token: no benchmark iteration pays for a token request.
        var json = JsonSerializer.Serialize(new
        {
            access_token = Token,
            token_type = "Bearer",
            expires_in = 86400,
            scope = "list_and_subscribers_read",
            rest_instance_url = baseAddress.ToString(),
            soap_instance_url = baseAddress.ToString(),
        });
        return Encoding.UTF8.GetBytes(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
