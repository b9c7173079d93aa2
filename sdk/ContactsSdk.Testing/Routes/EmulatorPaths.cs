namespace ContactsSdk.Testing.Routes;

/// <summary>The paths the emulator serves. One loopback address plays both the auth and the REST host.</summary>
internal static class EmulatorPaths
{
    public const string Token = "/v2/token";
    public const string ContactsPrefix = "/contacts";
    public const string Delete = "/contacts/v1/contacts/actions/delete";
    public const string DeleteStatus = "/contacts/v1/contacts/actions/delete/status";
    public const string ConfigSettings = "/contacts/v1/contacts/actions/delete/configSettings";
    public const string DeleteRetry = "/contacts/v1/operations/delete/{" + OperationIdParameter + "}/retry";
    public const string DeleteRequests = "/contacts/v1/contacts/analytics/deleterequests";
    public const string DeleteRequestsSummary = "/contacts/v1/contacts/analytics/deleterequests/summary";
    public const string DeleteOperations = "/contacts/v1/contacts/deleteOperations";
    public const string Restrict = "/contacts/v1/contacts/actions/restrict";
    public const string RestrictStatus = "/contacts/v1/contacts/actions/restrict/status";
    public const string EmailSearch = "/contacts/v1/addresses/email/search";
    public const string RestrictRetry = "/contacts/v1/operations/restrict/{" + OperationIdParameter + "}/retry";

    /// <summary>The route parameter of the retry paths; any segment matches, so a non-integer gets a 400, not a 404.</summary>
    public const string OperationIdParameter = "operationID";
}
