using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Testing.Addresses;

/// <summary>The registered contacts, looked up by email address (ignoring case), oldest key first.</summary>
internal sealed class ContactDirectory
{
    private readonly ILookup<string, EmulatedContact> _byAddress;

    public ContactDirectory(IEnumerable<EmulatedContact> contacts) =>
        _byAddress = contacts
            .OrderBy(contact => contact.CreatedAt)
            .ThenBy(contact => contact.ContactKey, StringComparer.Ordinal)
            .ToLookup(contact => contact.EmailAddress, StringComparer.OrdinalIgnoreCase);

    /// <summary>At most <paramref name="maximumCount"/> contacts of the address; empty when it has none.</summary>
    public IReadOnlyList<EmulatedContact> Find(string emailAddress, int maximumCount) =>
        _byAddress[emailAddress].Take(maximumCount).ToArray();
}
