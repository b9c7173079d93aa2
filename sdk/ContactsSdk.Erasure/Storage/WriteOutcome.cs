namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// What the work inside a ledger transaction decided: the result to return, and whether the
/// transaction commits. The work says it explicitly; the store that owns the transaction obeys.
/// </summary>
/// <typeparam name="T">The write's result.</typeparam>
/// <param name="Result">What the write returns to its caller.</param>
/// <param name="Commit">True to commit; false to roll back everything the work ran.</param>
internal readonly record struct WriteOutcome<T>(T Result, bool Commit);

/// <summary>Builds <see cref="WriteOutcome{T}"/> values that read as the decision they are.</summary>
internal static class WriteOutcome
{
    /// <summary>Commit, and return <paramref name="result"/>.</summary>
    public static WriteOutcome<T> Commit<T>(T result) => new(result, Commit: true);

    /// <summary>Roll back everything the work ran (a refused precondition), and return <paramref name="result"/>.</summary>
    public static WriteOutcome<T> RollBack<T>(T result) => new(result, Commit: false);
}
