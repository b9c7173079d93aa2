using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>
/// Where the periodic digests go (<see cref="ErasureOptions.DigestInterval"/>): somewhere the ledger's
/// database administrators cannot rewrite, such as write-once object storage, a separate audit system
/// or a ticket. Register any number; each receives every digest.
/// </summary>
public interface IErasureDigestSink
{
    /// <summary>Keeps <paramref name="digest"/>. A failure is logged and the next digest is offered again.</summary>
    Task PublishAsync(LedgerDigest digest, CancellationToken cancellationToken);
}
