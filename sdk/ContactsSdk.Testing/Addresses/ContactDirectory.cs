using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Testing.Addresses;

/// <summary>The registered contacts, looked up by email address (ignoring case), oldest key first.</summary>
internal sealed class ContactDirectory
{
    private readonly ILookup<string, EmulatedContact> _byAddress;
    private readonly HashSet<string> _keys;

    public ContactDirectory(IEnumerable<EmulatedContact> contacts)
    {
        var registered = contacts.ToArray();
        _byAddress = registered
            .OrderBy(contact => contact.CreatedAt)
            .ThenBy(contact => contact.ContactKey, StringComparer.Ordinal)
            .ToLookup(contact => contact.EmailAddress, StringComparer.OrdinalIgnoreCase);
        _keys = registered.Select(contact => contact.ContactKey).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when no contact is registered: the emulator then cannot tell a known key from an unknown one.</summary>
    public bool IsEmpty => _keys.Count == 0;

    /// <summary>Whether a contact with this key (compared exactly) is registered.</summary>
    public bool HasKey(string contactKey) => _keys.Contains(contactKey);

    /// <summary>At most <paramref name="maximumCount"/> contacts of the address; empty when it has none.</summary>
    public IReadOnlyList<EmulatedContact> Find(string emailAddress, int maximumCount) =>
        _byAddress[emailAddress].Take(maximumCount).ToArray();
}
