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

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResolveContactKeysAsync(IReadOnlyList<string> emailAddresses, CancellationToken cancellationToken = default) =>
        _client.ResolveContactKeysAsync(emailAddresses, cancellationToken: cancellationToken);
}
