namespace ContactsSdk.Emulator.Routes;

/// <summary>The paths the emulator serves. One loopback address plays both the auth and the REST host.</summary>
internal static class EmulatorPaths
{
    public const string Token = "/v2/token";
    public const string ContactsPrefix = "/contacts";
    public const string Delete = "/contacts/v1/contacts/actions/delete";
    public const string DeleteStatus = "/contacts/v1/contacts/actions/delete/status";
}
