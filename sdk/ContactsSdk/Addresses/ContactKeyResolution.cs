using System;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Models;

namespace ContactsSdk.Addresses;

/// <summary>
/// Reads an email address search answer into contact keys per requested address. Both documented
/// "no match" shapes (no entry for the address, or an entry whose <c>contactKeyDetails</c> holds an
/// empty object) give no key, and every key of an address with several is kept.
/// </summary>
internal static class ContactKeyResolution
{
    /// <summary>Each requested address (ignoring case) with its contact keys, in the service's order, without duplicates.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(IReadOnlyList<string> requested, EmailAddressSearchResponse response)
    {
        var keys = requested.ToDictionary(address => address, _ => new List<string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var entity in response.ChannelAddressResponseEntities ?? [])
        {
            // An entry for an address nobody asked about cannot be attributed: it is ignored.
            if (entity?.ChannelAddress is not { } address || !keys.TryGetValue(address, out var found))
            {
                continue;
            }

            foreach (var detail in entity.ContactKeyDetails ?? [])
            {
                // The empty object of "no match" has no contactKey; a blank key is no key either.
                if (!string.IsNullOrWhiteSpace(detail?.ContactKey) && !found.Contains(detail.ContactKey, StringComparer.Ordinal))
                {
                    found.Add(detail.ContactKey);
                }
            }
        }

        return keys.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.AsReadOnly(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <paramref name="text"/> with every requested address replaced, so a service message that echoes
    /// an address cannot carry it into an exception message.
    /// </summary>
    public static string Redact(string text, IEnumerable<string> addresses) =>
        addresses.Aggregate(text, (current, address) => current.Replace(address, "[email address]", StringComparison.OrdinalIgnoreCase));
}
