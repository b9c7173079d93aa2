using System.Globalization;
using ContactsSdk.Testing;

namespace ContactsSdk.TestSupport;

/// <summary>
/// Points the SDK's options at an emulator: its address and the credentials it accepts. The one way
/// tests connect to an emulator; tests about the options themselves (validation, endpoint rules,
/// secrets) set them explicitly.
/// </summary>
public static class EmulatorConnection
{
    /// <summary>Sets the endpoint and the credentials of <paramref name="emulator"/>; returns the same options, for chaining.</summary>
    public static ContactsClientOptions ConnectTo(this ContactsClientOptions options, MarketingCloudEmulator emulator)
    {
        options.EndpointOverride = emulator.BaseAddress;
        options.ClientId = emulator.Credentials.ClientId;
        options.ClientSecret = emulator.Credentials.ClientSecret;
        options.AccountId = new AccountId(emulator.Credentials.AccountId);
        return options;
    }

    /// <summary>New options pointed at <paramref name="emulator"/>, to be completed by the test.</summary>
    public static ContactsClientOptions ClientOptions(this MarketingCloudEmulator emulator) => new ContactsClientOptions().ConnectTo(emulator);
}
