using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace ContactsSdk.Erasure.Storage;

/// <summary>What <see cref="IErasureLedgerStore.TryCreateAsync"/> writes: the row, its first entry and the identifiers in clear.</summary>
public sealed record NewErasure
{
    /// <summary>An empty NewErasure: set its properties in an object initializer.</summary>
    public NewErasure()
    {
    }

    // The library's own shorthand; callers use an object initializer, so a property can be added
    // without breaking them.
    [SetsRequiredMembers]
    internal NewErasure(ErasureRecord record, LedgerEntry firstEntry, IReadOnlyList<string> clearSubjects)
    {
        Record = record;
        FirstEntry = firstEntry;
        ClearSubjects = clearSubjects;
    }

    /// <summary>The new row (version 1, its last hash the first entry's).</summary>
    public required ErasureRecord Record { get; init; }

    /// <summary>The submission entry.</summary>
    public required LedgerEntry FirstEntry { get; init; }

    /// <summary>The identifiers in clear, kept only until the deletion is accepted.</summary>
    public required IReadOnlyList<string> ClearSubjects { get; init; }
}
