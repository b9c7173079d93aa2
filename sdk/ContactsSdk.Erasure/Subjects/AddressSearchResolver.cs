using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Subjects;

/// <summary>
/// The resolver <c>AddContactsErasure</c> registers unless the application brings its own:
/// Marketing Cloud's email address search, through <see cref="ContactsClient.ResolveContactKeysAsync"/>.
/// Both documented "no match" shapes come back as an empty list, so they can never become a key to delete.
/// </summary>
internal sealed class AddressSearchResolver : IEmailSubjectResolver
{
    private readonly ContactsClient _client;

    public AddressSearchResolver(ContactsClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public async Task<IReadOnlyList<string>> ResolveContactKeysAsync(string emailAddress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailAddress);
        var resolved = await _client.ResolveContactKeysAsync([emailAddress], cancellationToken: cancellationToken).ConfigureAwait(false);
        // The client answers for every address it was given; a missing entry would be its defect, not a match.
        return resolved.TryGetValue(emailAddress, out var keys)
            ? keys
            : throw new InvalidOperationException("The address search answered without the address it was asked for.");
    }
}
