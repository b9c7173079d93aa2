using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Analytics;

/// <summary>The deletions a date range holds, and one page of them.</summary>
internal static class DeleteRequestsReport
{
    /// <summary>The deletions received in <paramref name="range"/>, as they stand at <paramref name="now"/>, by ascending ID.</summary>
    public static IReadOnlyList<DeleteRequestRecord> InRange(
        IEnumerable<EmulatedOperation> operations, DateRange range, System.DateTimeOffset now) =>
        operations
            .Select(operation => DeleteRequestRecord.Of(operation, now))
            .Where(record => range.Contains(record.ReceivedAt))
            .OrderBy(record => record.OperationId)
            .ToArray();

    /// <summary>Page <paramref name="page"/> (from 1) of the records with <paramref name="status"/> (all when null).</summary>
    public static IReadOnlyList<DeleteRequestRecord> Page(
        IReadOnlyList<DeleteRequestRecord> records, string? status, bool descending, int page, int pageSize)
    {
        var matching = status is null ? records : records.Where(record => record.Status == status);
        var ordered = descending ? matching.OrderByDescending(record => record.OperationId) : matching.OrderBy(record => record.OperationId);
        // Computed in 64 bits: a large page number times a large page size does not fit in an int.
        var skip = (long)(page - 1) * pageSize;
        return skip >= records.Count ? [] : ordered.Skip((int)skip).Take(pageSize).ToArray();
    }
}
