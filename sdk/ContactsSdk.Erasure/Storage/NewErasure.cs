using System.Collections.Generic;

namespace ContactsSdk.Erasure.Storage;

/// <summary>What <see cref="IErasureLedgerStore.TryCreateAsync"/> writes: the row, its first entry and the identifiers in clear.</summary>
/// <param name="Record">The new row (version 1, its last hash the first entry's).</param>
/// <param name="FirstEntry">The submission entry.</param>
/// <param name="ClearSubjects">The identifiers in clear, kept only until the deletion is accepted.</param>
public sealed record NewErasure(ErasureRecord Record, LedgerEntry FirstEntry, IReadOnlyList<string> ClearSubjects);
