using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;
using ContactsSdk.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Hosting.Tests;

/// <summary>
/// The DI registration does not leak: resolving the client many times keeps nothing per
/// resolution, and a disposed container lets the client go. A control measurement with the client
/// registered transient (the old registration) shows the measurement sees a leak when there is one.
/// </summary>
public sealed class LifetimeTests(ITestOutputHelper output)
{
    private const int Resolutions = 20_000;

    private static readonly ContactsClientOptions Options = new()
    {
        EndpointOverride = new Uri("http://127.0.0.1:9/"),
        ClientId = "client",
        ClientSecret = "not-a-real-secret",
    };

    [Fact]
    public void Resolving_the_client_many_times_from_the_root_and_from_scopes_retains_nothing_per_resolution()
    {
        using var provider = new ServiceCollection().AddContactsSdk(o => Copy(o)).BuildServiceProvider();
        var first = provider.GetRequiredService<ContactsClient>();

        var retained = RetainedBytes(provider, resolve: p => p.GetRequiredService<ContactsClient>());

        output.WriteLine($"AddContactsSdk: {retained / (double)Resolutions:F1} bytes retained per resolution ({retained} bytes after {Resolutions} resolutions).");
        Assert.Same(first, provider.GetRequiredService<ContactsClient>());
        using (var scope = provider.CreateScope())
        {
            Assert.Same(first, scope.ServiceProvider.GetRequiredService<ContactsClient>());
        }
        Assert.True(retained < 64 * 1024, $"{retained} bytes retained after {Resolutions} resolutions");
    }

    [Fact]
    public void The_measurement_sees_the_leak_of_a_disposable_client_registered_transient()
    {
        using var provider = new ServiceCollection().AddTransient(_ => new ContactsClient(Options)).BuildServiceProvider();

        var retained = RetainedBytes(provider, resolve: p => p.GetRequiredService<ContactsClient>(), resolutions: Resolutions / 10);

        output.WriteLine($"Transient registration (control): {retained / (Resolutions / 10.0):F0} bytes retained per resolution ({retained} bytes after {Resolutions / 10} resolutions).");
        Assert.True(retained > 1024 * 1024, $"only {retained} bytes retained: the measurement would not see a leak");
    }

    [Fact]
    public async Task A_client_used_under_telemetry_listeners_and_disposed_is_collected()
    {
        // The SDK's ActivitySource, Meter and instruments are static: they must not hold a client.
        // (A container-made client is not checked this way: IHttpClientFactory's handler-expiry
        // timers keep the factory, and through it the container, reachable for minutes by design.)
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddSource(ContactsSdk.Diagnostics.ContactsSdkDiagnostics.ActivitySourceName).AddInMemoryExporter(new System.Collections.Generic.List<System.Diagnostics.Activity>()).Build();
        using var metering = OpenTelemetry.Sdk.CreateMeterProviderBuilder().AddMeter(ContactsSdk.Diagnostics.ContactsSdkDiagnostics.MeterName).AddInMemoryExporter(new System.Collections.Generic.List<OpenTelemetry.Metrics.Metric>()).Build();
        await using var emulator = await MarketingCloudEmulator.StartAsync();

        var client = await UseAndDisposeAsync(emulator);

        for (var i = 0; i < 3 && client.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(client.IsAlive, "the client outlived its disposal: something static holds it");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> UseAndDisposeAsync(MarketingCloudEmulator emulator)
    {
        var client = new ContactsClient(emulator.ClientOptions());
        // Used for real, so the token cache, the handlers, the spans and the instruments are all touched.
        var started = await client.StartDeletionByKeysAsync(new[] { "subscriber-1" });
        await client.GetDeletionStatusAsync(started.OperationId);
        client.Dispose();
        return new WeakReference(client);
    }

    /// <summary>Bytes still reachable after a full collection, between before and after the resolutions.</summary>
    private static long RetainedBytes(IServiceProvider provider, Func<IServiceProvider, object> resolve, int resolutions = Resolutions)
    {
        resolve(provider);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < resolutions; i++)
        {
            resolve(provider);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return after - before;
    }

    private static void Copy(ContactsClientOptions target)
    {
        target.EndpointOverride = Options.EndpointOverride;
        target.ClientId = Options.ClientId;
        target.ClientSecret = Options.ClientSecret;
    }
}
