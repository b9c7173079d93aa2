using System;

namespace ContactsSdk.Emulator;

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

    /// <summary>Both Contacts routes.</summary>
    Contacts = Delete | Status,

    /// <summary>Every route.</summary>
    All = Token | Contacts,
}
