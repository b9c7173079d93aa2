using System.Globalization;
using ContactsSdk.Testing;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>Points the SDK's options at an emulator: its address and the credentials it accepts.</summary>
internal static class EmulatorConnection
{
    public static void ConnectTo(this ContactsClientOptions options, MarketingCloudEmulator emulator)
    {
        options.EndpointOverride = emulator.BaseAddress;
        options.ClientId = emulator.Credentials.ClientId;
        options.ClientSecret = emulator.Credentials.ClientSecret;
        options.AccountId = new AccountId(emulator.Credentials.AccountId);
    }
}
