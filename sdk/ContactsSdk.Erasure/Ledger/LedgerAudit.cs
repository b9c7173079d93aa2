using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>
/// The whole-ledger check: every erasure's chain and row (<see cref="LedgerVerifier"/>), and every
/// position of the ledger-wide tree taken by exactly one entry (<see cref="LeafPlaces"/>).
/// </summary>
internal static class LedgerAudit
{
    private const int PageSize = 500;

    public static async Task<LedgerVerification> VerifyAsync(IErasureLedgerStore store, LedgerChain chain, CancellationToken cancellationToken)
    {
        var problems = new List<LedgerProblem>();
        var erasures = 0;
        long entries = 0;
        // Entries appended while this runs lie beyond the size read first: only the positions below it must all be found.
        var places = new LeafPlaces(await store.ReadTreeSizeAsync(cancellationToken).ConfigureAwait(false));
        await foreach (var record in store.ReadAllAsync(new ErasureListQuery { PageSize = PageSize }, cancellationToken).ConfigureAwait(false))
        {
            var erasureEntries = await store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
            problems.AddRange(LedgerVerifier.Check(chain, record, erasureEntries));
            problems.AddRange(places.Take(record, erasureEntries));
            erasures++;
            entries += erasureEntries.Count;
        }
        problems.AddRange(places.Unclaimed());
        return new LedgerVerification(erasures, entries, problems);
    }
}
