using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Tests.Support;

/// <summary>What the server saw of one request.</summary>
internal sealed record RecordedRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers);

/// <summary>A canned response: status, JSON body and extra headers.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A real HTTP server on a loopback port that answers every request with the next scripted
/// response and records what it received. Tests use it to drive the real Kiota request adapter
/// over a real socket.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _bodies = new();

    private ScriptedServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The request bodies received, in order (empty for a request without one).</summary>
    public IReadOnlyCollection<string> Bodies => _bodies.ToArray();

    /// <param name="address">The loopback address to listen on (127.0.0.1 by default; any 127.x.y.z works on Linux).</param>
    public static async Task<ScriptedServer> StartAsync(IPAddress? address = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(address ?? IPAddress.Loopback, 0));
        var server = new ScriptedServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
        return server;
    }

    public void Enqueue(ScriptedResponse response) => _responses.Enqueue(response);

    private async Task HandleAsync(HttpContext context)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers));
        using (var reader = new System.IO.StreamReader(context.Request.Body))
        {
            _bodies.Enqueue(await reader.ReadToEndAsync());
        }

        if (!_responses.TryDequeue(out var response))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("{\"message\":\"no scripted response left\",\"errorcode\":-1}");
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
