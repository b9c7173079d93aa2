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
    /// <summary>Every contact key of the address; empty when it matches no contact.</summary>
    Task<IReadOnlyList<string>> ResolveContactKeysAsync(string emailAddress, CancellationToken cancellationToken = default);
}
