using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ContactsSdk.Erasure.Storage;

/// <summary>Every erasure a query matches, read page by page (keyset paging), so memory stays one page.</summary>
internal static class LedgerPages
{
    public static async IAsyncEnumerable<ErasureRecord> ReadAllAsync(
        this IErasureLedgerStore store, ErasureListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var page = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return record;
            }
            if (page.Count < query.PageSize)
            {
                yield break;
            }
            query = query with { After = (page[^1].SubmittedAt, page[^1].ErasureId) };
        }
    }
}
