using System;
using System.Globalization;
using System.IO;
using ContactsSdk;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Service;
using ContactsSdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = WebApplication.CreateBuilder(args);
var settings = ServiceSettings.Read(builder.Configuration);
// No settings: the embedded emulator, on loopback, with Marketing Cloud's delete queue at a demo's pace.
var emulator = settings.UsesEmulator ? await EmbeddedEmulator.StartAsync() : null;
var keys = new ServiceKeys(settings.KeyDirectory);

builder.Services.AddContactsSdk(o =>
{
    if (emulator is not null)
    {
        o.EndpointOverride = emulator.BaseAddress;
        o.ClientId = emulator.Credentials.ClientId;
        o.ClientSecret = emulator.Credentials.ClientSecret;
        o.AccountId = new AccountId(emulator.Credentials.AccountId);
    }
    else
    {
        (o.Subdomain, o.ClientId, o.ClientSecret, o.AccountId) = (settings.Subdomain, settings.ClientId, settings.ClientSecret, settings.AccountId);
    }
});
var (subjectHashKey, signingKey) = (keys.SubjectHashKey(), keys.SigningKey());
// Erasure:Sqlite:Path or Erasure:PostgreSQL:ConnectionString, and any other option under its name;
// the keys come from their files.
builder.Services.AddContactsErasure(builder.Configuration.GetSection("Erasure"), o =>
{
    if (o.Sqlite.Path is null && o.PostgreSql.ConnectionString is null)
    {
        o.UseSqlite(Path.GetFullPath(ServiceSettings.DefaultLedgerFile));
    }
    o.SubjectHashKey = subjectHashKey;
    o.DigestSigningKeys.Add(signingKey);
    if (emulator is not null)
    {
        EmbeddedEmulator.Pace(o);
    }
});

var apiKeys = settings.ApiKeys.Length > 0 ? settings.ApiKeys : builder.Environment.IsDevelopment() || emulator is not null ? [ServiceSettings.DevelopmentApiKey] : [];
var authentication = builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, o => o.Keys = apiKeys);
// The API takes keys only; the dashboard takes the browser's session, which only the development sign-in gives here.
var authorization = builder.Services.AddAuthorizationBuilder()
    .AddPolicy("erasures", p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
var developmentSignIn = builder.Environment.IsDevelopment() || emulator is not null;
if (developmentSignIn)
{
    authentication.AddDevelopmentSignIn();
    authorization.AddPolicy("dashboard", p => p.AddAuthenticationSchemes(DevelopmentSignIn.Scheme).RequireAuthenticatedUser());
}
builder.Services.AddContactsErasureDashboard();
// A query value an endpoint cannot bind (a MID of 0, a state that does not exist) is the caller's
// mistake: a 400 whose detail names the parameter, in every environment, never a 500.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    if (c.Exception is BadHttpRequestException bad)
    {
        c.ProblemDetails.Detail = bad.Message;
    }
});
var healthChecks = builder.Services.AddHealthChecks().AddContactsErasureChecks();
ServiceWebhooks.AddFromConfiguration(builder.Services, builder.Configuration, healthChecks);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ServiceDescription>().AddSchemaTransformer<AccountIdSchema>());

var app = builder.Build();
if (apiKeys.Length == 1 && apiKeys[0] == ServiceSettings.DevelopmentApiKey)
{
    app.Logger.LogWarning("No Erasure:ApiKeys configured: the API accepts the development-only key '{Key}'. Never run a tenant like this.", ServiceSettings.DevelopmentApiKey);
}
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapContactsErasure("/erasures", authorizationPolicy: "erasures");
if (developmentSignIn)
{
    app.Logger.LogWarning("The dashboard's sign-in at {Path} accepts any name without a password: development only.", DevelopmentSignIn.Path);
    app.MapDevelopmentSignIn();
    app.MapContactsErasureDashboard("/", authorizationPolicy: "dashboard");
}
else
{
    app.Logger.LogInformation("The dashboard is off: a deployment against a tenant maps it behind its own sign-in.");
}
app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ErasureHealthCheckBuilderExtensions.ReadyTag) });
// Liveness: the process answers; nothing it depends on is asked (a restart would not fix the ledger).
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.Lifetime.ApplicationStopped.Register(() => emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult());
await app.RunAsync();

/// <summary>The service's entry point (public for the tests' in-memory host).</summary>
public partial class Program;
