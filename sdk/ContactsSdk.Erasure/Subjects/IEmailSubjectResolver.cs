using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Subjects;

/// <summary>
/// Finds the contact keys of an email address (Marketing Cloud's address search). Register one to
/// submit erasures by email address; without it such a submission is refused. The resolution is a
/// recorded step of the erasure: the ledger keeps the keys' hashes, never the address.
/// </summary>
public interface IEmailSubjectResolver
{
    /// <summary>
    /// Every contact key of each address, in one call for all of an erasure's addresses (the address
    /// search takes a list): the answer has an entry per address given, empty when it matches no contact.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResolveContactKeysAsync(IReadOnlyList<string> emailAddresses, CancellationToken cancellationToken = default);
}
