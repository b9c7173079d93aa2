using System;

namespace ContactsSdk.Testing;

/// <summary>
/// The routes the emulator serves. Flags, so that one fault rule can cover several routes.
/// </summary>
[Flags]
public enum EmulatorRoute
{
    /// <summary>No route; never matches a request.</summary>
    None = 0,

    /// <summary><c>POST /v2/token</c>, the auth host's token route.</summary>
    Token = 1,

    /// <summary><c>POST /contacts/v1/contacts/actions/delete</c>, which starts a deletion.</summary>
    Delete = 2,

    /// <summary><c>GET /contacts/v1/contacts/actions/delete/status</c>, which reports its progress.</summary>
    Status = 4,

    /// <summary><c>POST /contacts/v1/contacts/actions/delete/configSettings</c>, which sets the restorable period of later deletions.</summary>
    ConfigSettings = 8,

    /// <summary><c>POST /contacts/v1/operations/delete/{operationID}/retry</c>, which restarts a failed deletion.</summary>
    DeleteRetry = 16,

    /// <summary><c>GET /contacts/v1/contacts/analytics/deleterequests</c>, which lists the deletions of a date range.</summary>
    DeleteRequests = 32,

    /// <summary><c>GET /contacts/v1/contacts/analytics/deleterequests/summary</c>, which counts them as time series.</summary>
    DeleteRequestsSummary = 64,

    /// <summary><c>POST /contacts/v1/contacts/actions/restrict</c>, which starts a restriction of processing.</summary>
    Restrict = 128,

    /// <summary><c>GET /contacts/v1/contacts/actions/restrict/status</c>, which reports its progress.</summary>
    RestrictStatus = 256,

    /// <summary><c>POST /contacts/v1/operations/restrict/{operationID}/retry</c>, which restarts a failed restriction.</summary>
    RestrictRetry = 512,

    /// <summary><c>POST /contacts/v1/addresses/email/search</c>, which finds the contact keys of email addresses.</summary>
    EmailSearch = 1024,

    /// <summary><c>GET /contacts/v1/contacts/deleteOperations</c>, which lists the account's delete operations, one page at a time.</summary>
    DeleteOperations = 2048,

    /// <summary>Every Contacts route (all but the token route).</summary>
    Contacts = Delete | Status | ConfigSettings | DeleteRetry | DeleteRequests | DeleteRequestsSummary | Restrict | RestrictStatus | RestrictRetry | EmailSearch | DeleteOperations,

    /// <summary>Every route.</summary>
    All = Token | Contacts,
}
