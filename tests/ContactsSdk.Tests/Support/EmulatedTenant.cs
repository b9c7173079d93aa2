using System;
using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.Support;

/// <summary>The local emulator on a virtual clock, and a <see cref="ContactsClient"/> pointed at it.</summary>
internal sealed class EmulatedTenant : IAsyncDisposable
{
    private EmulatedTenant(MarketingCloudEmulator emulator, VirtualClock clock, ContactsClient client)
    {
        Emulator = emulator;
        Clock = clock;
        Client = client;
    }

    public MarketingCloudEmulator Emulator { get; }

    public VirtualClock Clock { get; }

    public ContactsClient Client { get; }

    /// <summary>Starts an emulator with the options <paramref name="options"/> makes for the virtual clock (defaults otherwise).</summary>
    public static async Task<EmulatedTenant> StartAsync(Func<TimeProvider, EmulatorOptions>? options = null)
    {
        var clock = new VirtualClock();
        var emulator = await MarketingCloudEmulator.StartAsync(options?.Invoke(clock) ?? new EmulatorOptions { TimeProvider = clock });
        var client = new ContactsClient(OptionsFor(emulator), clock);
        return new EmulatedTenant(emulator, clock, client);
    }

    public static ContactsClientOptions OptionsFor(MarketingCloudEmulator emulator) => emulator.ClientOptions();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
