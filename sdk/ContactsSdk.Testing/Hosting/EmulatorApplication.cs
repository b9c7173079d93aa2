using System;
using System.Net;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Gateway;
using ContactsSdk.Testing.Json;
using ContactsSdk.Testing.Routes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactsSdk.Testing.Hosting;

/// <summary>Composes the emulator's web application: Kestrel on loopback, the middleware and the routes.</summary>
internal static class EmulatorApplication
{
    // Long enough for in-flight responses to finish; injected delays are cancelled on stop anyway.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static WebApplication Build(EmulatorState state, int port)
    {
        // The empty builder reads no configuration, environment variables or appsettings files:
        // a test's emulator behaves the same on every machine.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Loopback only: the emulator is never reachable from another machine.
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        var app = builder.Build();
        app.UseRouting();

        var bookkeeping = new ResponseBookkeeping(state);
        var faults = new FaultInjectionMiddleware(state);
        var gateway = new ContactsGateway(state);
        app.Use((context, next) => bookkeeping.InvokeAsync(context, next));
        app.Use((context, next) => faults.InvokeAsync(context, next));
        app.Use((context, next) => gateway.InvokeAsync(context, next));

        TokenEndpoints.Map(app, state);
        DeleteEndpoints.Map(app, state);
        StatusEndpoint.Map(app, state);
        ConfigSettingsEndpoint.Map(app, state);
        RetryEndpoints.Map(app, state);
        DeleteRequestsEndpoints.Map(app, state);
        DeleteOperationsEndpoint.Map(app, state);
        RestrictEndpoints.Map(app, state);
        RestrictStatusEndpoint.Map(app, state);
        EmailSearchEndpoint.Map(app, state);
        app.MapFallback(GatewayErrors.NotFoundAsync);
        return app;
    }
}
