using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>
/// How many erasures the ledger holds in each state, and the most recently submitted ones. The ledger
/// has no count query, so this reads every row through the keyset pages (1,000 a query; 10,000
/// erasures are ten queries): fine for a page a person opens, not for a probe polled every second.
/// </summary>
internal sealed record ErasureCensus(IReadOnlyDictionary<ErasureState, int> ByState, int Total, IReadOnlyList<ErasureRecord> Recent)
{
    public const int RecentCount = 20;

    public static async Task<ErasureCensus> TakeAsync(IErasureService service, CancellationToken cancellationToken)
    {
        var byState = new Dictionary<ErasureState, int>();
        foreach (var state in Enum.GetValues<ErasureState>())
        {
            byState[state] = 0;
        }
        var recent = new Queue<ErasureRecord>();
        var total = 0;
        (DateTimeOffset, Guid)? after = null;
        while (true)
        {
            var page = await service.ListAsync(new ErasureListQuery { After = after, PageSize = ErasureListQuery.MaxPageSize }, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                byState[record.State]++;
                total++;
                recent.Enqueue(record);
                if (recent.Count > RecentCount)
                {
                    recent.Dequeue();
                }
                after = (record.SubmittedAt, record.ErasureId);
            }
            if (page.Count < ErasureListQuery.MaxPageSize)
            {
                break;
            }
        }
        var newestFirst = recent.ToArray();
        Array.Reverse(newestFirst);
        return new ErasureCensus(byState, total, newestFirst);
    }
}
