namespace ContactsSdk.Sample.Tests.Support;

/// <summary>The programs under test, as their assembly names in the test output.</summary>
internal static class SamplePrograms
{
    public const string Sample = "ContactsSdk.Sample";

    public const string EmulatorHost = "ContactsSdk.Emulator.Host";
}
