using System;
using System.Collections.Generic;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>The result of checking ledger hash chains.</summary>
/// <param name="ErasuresChecked">How many erasures were checked.</param>
/// <param name="EntriesChecked">How many entries were checked.</param>
/// <param name="Problems">Every broken link found; empty when the ledger is intact.</param>
public sealed record LedgerVerification(int ErasuresChecked, long EntriesChecked, IReadOnlyList<LedgerProblem> Problems)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>One broken link: which erasure, which entry, what is wrong.</summary>
/// <param name="RequestId">The erasure's request ID.</param>
/// <param name="ErasureId">The erasure's ledger ID.</param>
/// <param name="Sequence">The entry's sequence number (the row's version for a row mismatch).</param>
/// <param name="Reason">What does not match.</param>
public sealed record LedgerProblem(string RequestId, Guid ErasureId, long Sequence, string Reason)
{
    /// <summary>
    /// The column of the <c>erasures</c> row that differs from what the erasure's entries say
    /// (<c>verdict</c>, <c>state</c>, <c>due_at</c>, …); null for a problem in the entries themselves.
    /// </summary>
    public string? Column { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"erasure '{RequestId}' ({ErasureId}), entry {Sequence}: {Reason}";
}
