using System.Collections.Generic;
using System.Text.Json.Serialization;
using System;

namespace ContactsSdk.Erasure.Ledger;

/// <summary>The result of checking ledger hash chains.</summary>
public sealed record LedgerVerification
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal LedgerVerification(int erasuresChecked, long entriesChecked, IReadOnlyList<LedgerProblem> problems)
    {
        ErasuresChecked = erasuresChecked;
        EntriesChecked = entriesChecked;
        Problems = problems;
    }

    /// <summary>How many erasures were checked.</summary>
    public int ErasuresChecked { get; init; }

    /// <summary>How many entries were checked.</summary>
    public long EntriesChecked { get; init; }

    /// <summary>Every broken link found; empty when the ledger is intact.</summary>
    public IReadOnlyList<LedgerProblem> Problems { get; init; }

    /// <summary>True when no problem was found.</summary>
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>One broken link: which erasure, which entry, what is wrong.</summary>
public sealed record LedgerProblem
{
    // Internal, so that a property can be added without breaking callers; tests use ErasureModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal LedgerProblem(string requestId, Guid erasureId, long sequence, string reason)
    {
        RequestId = requestId;
        ErasureId = erasureId;
        Sequence = sequence;
        Reason = reason;
    }

    /// <summary>The erasure's request ID.</summary>
    public string RequestId { get; init; }

    /// <summary>The erasure's ledger ID.</summary>
    public Guid ErasureId { get; init; }

    /// <summary>The entry's sequence number (the row's version for a row mismatch).</summary>
    public long Sequence { get; init; }

    /// <summary>What does not match.</summary>
    public string Reason { get; init; }

    /// <summary>
    /// The column of the <c>erasures</c> row that differs from what the erasure's entries say
    /// (<c>verdict</c>, <c>state</c>, <c>due_at</c>, …); null for a problem in the entries themselves.
    /// </summary>
    public string? Column { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"erasure '{RequestId}' ({ErasureId}), entry {Sequence}: {Reason}";
}
